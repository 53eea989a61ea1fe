using Exemplars.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>Tables of the issuers, their officers and committee terms.</summary>
public static class IssuerModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Domain.Plans.Plan>().Property(p => p.IssuedNumber).HasMaxLength(50);
        builder.Entity<Issuer>(e =>
        {
            e.ToTable("issuers");
            e.Property(i => i.Symbol).HasMaxLength(20).IsRequired();
            e.HasIndex(i => i.Symbol).IsUnique();
            e.Property(i => i.SuperiorLine).HasMaxLength(300).IsRequired();
            e.Property(i => i.Name).HasMaxLength(300).IsRequired();
            e.Property(i => i.SigningOrgan).HasMaxLength(100).IsRequired();
            e.Property(i => i.OrganName).HasMaxLength(300).IsRequired();
            e.Property(i => i.Place).HasMaxLength(100).IsRequired();
            e.Property(i => i.SuperiorOrgan).HasMaxLength(300).IsRequired();
            e.Property(i => i.PartyName).HasMaxLength(300).IsRequired();
            e.Property(i => i.AdvisingBoard).HasMaxLength(300).IsRequired();
            e.Property(i => i.DecisionRecipients).HasMaxLength(2000).IsRequired();
            e.Property(i => i.SubmissionRecipients).HasMaxLength(2000).IsRequired();
            e.Property(i => i.ReportRecipients).HasMaxLength(2000).IsRequired();
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Ignore(i => i.Heading);
            e.Ignore(i => i.ReportRecipientList);
            e.HasMany(i => i.Officers).WithOne().HasForeignKey(o => o.IssuerId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Terms).WithOne().HasForeignKey(t => t.IssuerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<IssuerOfficer>(e =>
        {
            e.ToTable("issuer_officers");
            e.Property(o => o.FullName).HasMaxLength(150).IsRequired();
            e.Property(o => o.Position).HasMaxLength(100).IsRequired();
        });
        builder.Entity<IssuerTerm>(e =>
        {
            e.ToTable("issuer_terms");
            e.Property(t => t.Label).HasMaxLength(100).IsRequired();
            e.HasIndex(t => new { t.IssuerId, t.StartsOn }).IsUnique();
        });
    }
}
