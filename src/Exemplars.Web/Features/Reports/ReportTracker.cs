using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// Every active grassroots committee against one period's deadline: sent on time, late, missing, or not yet due; with
/// the figures each sent. Two queries whatever the number of units; the bloc report is built from the same rows.
/// </summary>
public static class ReportTracker
{
    public sealed record Row(int OrganizationId, string Code, string Name, DeadlineState State, ReportStatus? Status, DateTime? SubmittedAtUtc, ReportFigures? Figures, string? Narrative)
    {
        /// <summary>Whether the unit has recorded its implementation plan of the period's bloc plan (plan III.1.1).</summary>
        public bool HasImplementationPlan { get; init; }
    }

    public sealed record Summary(int Units, int OnTime, int Late, int Missing, int Waiting, ReportFigures Totals);

    public sealed record Response(int PeriodId, string Period, DateOnly From, DateOnly To, DateOnly Deadline, Summary Summary, Paged<Row> Units)
    {
        /// <summary>The period's version, for the form that edits its dates (ADR 012).</summary>
        public Guid PeriodVersion { get; init; }
    }

    /// <summary>The columns the tracker can be sorted by (code, unit, state, day sent); the default is by code.</summary>
    public static readonly string[] SortKeys = ["ma", "ten", "trang-thai", "ngay-gui"];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public Task<Result<Response>> Handle(int periodId, DeadlineState? only, string? search, int page, CancellationToken cancellationToken) =>
            Handle(periodId, only, search, page, null, false, cancellationToken);

        public async Task<Result<Response>> Handle(int periodId, DeadlineState? only, string? search, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            var all = await All(periodId, cancellationToken);
            if (!all.IsSuccess)
            {
                return Result<Response>.Failure(all.Errors);
            }

            var (period, rows) = all.Value;
            IEnumerable<Row> filtered = rows;
            if (only is { } state)
            {
                filtered = filtered.Where(r => r.State == state);
            }

            if (!string.IsNullOrWhiteSpace(search))
            {
                var folded = VietnameseText.Fold(search);
                filtered = filtered.Where(r => VietnameseText.Fold(r.Name).Contains(folded, StringComparison.Ordinal) || r.Code.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));
            }

            var list = (sort, descending) switch
            {
                ("ten", false) => filtered.OrderBy(r => r.Name, VietnameseText.Order).ToList(),
                ("ten", true) => filtered.OrderByDescending(r => r.Name, VietnameseText.Order).ToList(),
                ("trang-thai", false) => filtered.OrderBy(r => r.State).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
                ("trang-thai", true) => filtered.OrderByDescending(r => r.State).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
                ("ngay-gui", false) => filtered.OrderBy(r => r.SubmittedAtUtc ?? DateTime.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
                ("ngay-gui", true) => filtered.OrderByDescending(r => r.SubmittedAtUtc ?? DateTime.MinValue).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
                ("ma", true) => filtered.OrderByDescending(r => r.Code, StringComparer.Ordinal).ToList(),
                _ => filtered.ToList(),
            };
            var request = new PageRequest(page);
            return new Response(period.Id, period.Label, period.From, period.To, period.Deadline, Summarise(rows),
                Paged<Row>.Of(list, request)) with { PeriodVersion = period.Version };
        }

        /// <summary>Every unit's row, for the tracker and the aggregated report.</summary>
        public async Task<Result<(ReportingPeriod Period, IReadOnlyList<Row> Rows)>> All(int periodId, CancellationToken cancellationToken)
        {
            if (!ReportAccess.CanRead(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận và Ban Thường vụ theo dõi báo cáo của các đơn vị.");
            }

            var period = await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (period is null)
            {
                return DomainError.NotFound("Không tìm thấy kỳ báo cáo.");
            }

            var units = await db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive)
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(cancellationToken);
            var reports = await db.PeriodicReports.AsNoTracking().Where(r => r.ReportingPeriodId == periodId).ToDictionaryAsync(r => r.OrganizationId, cancellationToken);
            var withPlan = (await db.ImplementationPlans.Where(p => p.PlanId == period.PlanId).Select(p => p.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
            var today = VietnamTime.Today(clock);
            var rows = units.Select(u =>
            {
                reports.TryGetValue(u.Id, out var report);
                var sent = report is { Status: ReportStatus.Submitted, SubmittedAtUtc: { } at } ? VietnamTime.DayOf(at) : (DateOnly?)null;
                return new Row(u.Id, u.Code, u.Name, Deadlines.StateOf(period.Deadline, today, sent), report?.Status, sent is null ? null : report!.SubmittedAtUtc,
                    sent is null ? null : report!.Figures, sent is null ? null : report!.Narrative) { HasImplementationPlan = withPlan.Contains(u.Id) };
            }).ToList();
            return (period, rows);
        }

        public static Summary Summarise(IReadOnlyList<Row> rows) => new(
            rows.Count, rows.Count(r => r.State == DeadlineState.OnTime), rows.Count(r => r.State == DeadlineState.Late), rows.Count(r => r.State == DeadlineState.Missing),
            rows.Count(r => r.State == DeadlineState.NotYetDue), rows.Where(r => r.Figures is not null).Aggregate(ReportFigures.Zero, (sum, r) => sum.Add(r.Figures!)));
    }
}
