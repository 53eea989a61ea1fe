using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>One committee's report for one period: while a draft, its figures are counted live; once sent, frozen.</summary>
public static class GetReport
{
    public sealed record View(
        int PeriodId,
        string Period,
        ReportPeriodKind Kind,
        DateOnly From,
        DateOnly To,
        DateOnly Deadline,
        int OrganizationId,
        string Organization,
        int? ReportId,
        ReportStatus Status,
        ReportFigures Figures,
        string Narrative,
        string? ReturnReason,
        DateTime? SubmittedAtUtc,
        string? SubmittedBy,
        DeadlineState State,
        Guid? Version)
    {
        /// <summary>The unit's implementation plan of the period's bloc plan (plan III.1.1), or null when it has recorded none.</summary>
        public ImplementationPlans.GetOwnImplementationPlan.Recorded? ImplementationPlan { get; init; }
    }

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, ComputeReportFigures.Handler figures)
    {
        public async Task<Result<View>> Handle(int periodId, int? organizationId, CancellationToken cancellationToken)
        {
            if (!ReportAccess.IsClerk(user) && !ReportAccess.CanRead(user))
            {
                return ReportAccess.Forbidden;
            }

            var unit = await ReportAccess.UnitAsync(db, user, organizationId ?? user.OrganizationId, cancellationToken);
            var period = await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (unit is null || period is null)
            {
                return DomainError.NotFound("Không tìm thấy báo cáo.");
            }

            var report = await db.PeriodicReports.AsNoTracking().SingleOrDefaultAsync(r => r.ReportingPeriodId == periodId && r.OrganizationId == unit.Id, cancellationToken);
            var status = report?.Status ?? ReportStatus.Draft;
            var numbers = status == ReportStatus.Submitted
                ? report!.Figures
                : await figures.Handle(unit.Id, period, cancellationToken);
            var sentOn = report?.Status == ReportStatus.Submitted && report.SubmittedAtUtc is { } at ? VietnamTime.DayOf(at) : (DateOnly?)null;
            return new View(period.Id, period.Label, period.Kind, period.From, period.To, period.Deadline, unit.Id, unit.Name, report?.Id, status, numbers,
                status == ReportStatus.Submitted || ReportAccess.IsClerk(user) ? report?.Narrative ?? string.Empty : string.Empty, report?.ReturnReason, report?.SubmittedAtUtc, report?.SubmittedBy,
                Deadlines.StateOf(period.Deadline, VietnamTime.Today(clock), sentOn), report?.Version)
            {
                ImplementationPlan = await ImplementationPlans.GetOwnImplementationPlan.Handler.For(db, period.PlanId, unit.Id, cancellationToken),
            };
        }
    }
}
