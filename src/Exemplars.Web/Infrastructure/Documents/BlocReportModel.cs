using Exemplars.Domain.Ballots;
using Exemplars.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>Table of the bloc reports' narrative sections: one row per reporting period, tied to its register entry once issued.</summary>
public static class BlocReportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<BlocReport>(e =>
        {
            e.ToTable("bloc_reports");
            e.Property(r => r.ResultsHtml).HasMaxLength(BlocReport.MaxSection).IsRequired();
            e.Property(r => r.LimitationsHtml).HasMaxLength(BlocReport.MaxSection).IsRequired();
            e.Property(r => r.DirectionsHtml).HasMaxLength(BlocReport.MaxSection).IsRequired();
            e.Property(r => r.UpdatedBy).HasMaxLength(256).IsRequired();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.IsIssued);
            e.HasIndex(r => r.ReportingPeriodId).IsUnique();
            e.HasIndex(r => r.DecisionId).IsUnique();
            e.HasOne<ReportingPeriod>().WithMany().HasForeignKey(r => r.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
