using Exemplars.Domain.Ballots;
using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>Tables of the commendation ceremonies (ADR 027): the ceremony, its guests, its photos.</summary>
public static class CeremonyModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Ceremony>(e =>
        {
            e.ToTable("ceremonies");
            e.Property(c => c.Title).HasMaxLength(Ceremony.MaxTitle).IsRequired();
            e.Property(c => c.Occasion).HasMaxLength(Ceremony.MaxTitle);
            e.Property(c => c.Place).HasMaxLength(Ceremony.MaxPlace).IsRequired();
            e.Property(c => c.Programme).HasMaxLength(Ceremony.MaxProgrammeLines * (Ceremony.MaxProgrammeLine + 1)).IsRequired();
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.StoryTitle).HasMaxLength(Ceremony.MaxTitle);
            e.Property(c => c.StoryHtml).HasMaxLength(Ceremony.MaxStory);
            e.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Ignore(c => c.ProgrammeItems);
            e.HasIndex(c => new { c.RoundId, c.Date });
            e.HasIndex(c => c.DecisionId);
            e.HasIndex(c => new { c.StoryPublished, c.StoryPublishedAtUtc });
            e.HasOne<Round>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Decision>().WithMany().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Guests).WithOne().HasForeignKey(g => g.CeremonyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Photos).WithOne().HasForeignKey(p => p.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CeremonyGuest>(e =>
        {
            e.ToTable("ceremony_guests");
            e.Property(g => g.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(g => g.Name).HasMaxLength(CeremonyGuest.MaxName).IsRequired();
            e.Property(g => g.Position).HasMaxLength(CeremonyGuest.MaxPosition);
            e.Property(g => g.Unit).HasMaxLength(CeremonyGuest.MaxName);
            e.Property(g => g.Seat).HasMaxLength(10).IsRequired();
            e.HasIndex(g => new { g.CeremonyId, g.Order });
            e.HasIndex(g => new { g.OrganizationId, g.CeremonyId });
            e.HasOne<Award>().WithMany().HasForeignKey(g => g.AwardId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Domain.People.Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Domain.Organizations.Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CeremonyPhoto>(e =>
        {
            e.ToTable("ceremony_photos");
            e.Property(f => f.FileName).HasMaxLength(200).IsRequired();
            e.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
            e.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
            e.Property(f => f.StoragePath).HasMaxLength(200).IsRequired();
            e.Property(f => f.Caption).HasMaxLength(CeremonyPhoto.MaxCaption);
            e.Property(f => f.UploadedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(f => f.StoragePath);
        });
    }
}
