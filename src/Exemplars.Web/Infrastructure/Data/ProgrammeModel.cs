using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>Tables of the grassroots side of the programme: implementation plans and the unit's own commendations.</summary>
public static class ProgrammeModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ImplementationPlan>(e =>
        {
            e.ToTable("implementation_plans");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Number).HasMaxLength(50).IsRequired();
            e.Property(x => x.Summary).HasMaxLength(ProgrammeRules.MaxSummary).IsRequired();
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StoragePath).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.PlanId, x.OrganizationId }).IsUnique();
            e.HasIndex(x => x.OrganizationId);
            e.HasIndex(x => x.StoragePath);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<GrassrootsCommendation>(e =>
        {
            e.ToTable("grassroots_commendations");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(ProgrammeRules.MaxName).IsRequired();
            e.Property(x => x.SearchName).HasMaxLength(ProgrammeRules.MaxName * 2).IsRequired();
            e.Property(x => x.Achievements).HasMaxLength(ProgrammeRules.MaxAchievements).IsRequired();
            e.Property(x => x.Form).HasMaxLength(50).IsRequired();
            e.Property(x => x.DecisionNumber).HasMaxLength(50).IsRequired();
            e.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.OrganizationId, x.DecisionDate });
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.CollectiveId);
            e.HasIndex(x => x.NominationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.CollectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Nomination>().WithMany().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
