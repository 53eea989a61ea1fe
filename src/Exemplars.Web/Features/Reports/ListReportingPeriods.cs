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
/// The periods of every plan, newest first: for a clerk with the unit's own state in each, for the secretariat with
/// how many units sent. Paged.
/// </summary>
public static class ListReportingPeriods
{
    public sealed record Row(int Id, string Plan, ReportPeriodKind Kind, int Year, string Label, DateOnly From, DateOnly To, DateOnly Deadline, int Sent, ReportStatus? MyStatus, DeadlineState? MyState);

    /// <summary>The columns the list can be sorted by (the period, the deadline); the default is the latest deadline first.</summary>
    public static readonly string[] SortKeys = ["ky", "han"];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public Task<Result<Paged<Row>>> Handle(int? year, int page, CancellationToken cancellationToken) => Handle(year, page, null, false, cancellationToken);

        public async Task<Result<Paged<Row>>> Handle(int? year, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            var clerk = ReportAccess.IsClerk(user);
            if (!clerk && !ReportAccess.CanRead(user))
            {
                return ReportAccess.Forbidden;
            }

            var query = db.ReportingPeriods.AsNoTracking().AsQueryable();
            if (year is { } y)
            {
                query = query.Where(p => p.Year == y);
            }

            var unitId = user.OrganizationId;
            var units = db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive);
            query = (sort, descending) switch
            {
                ("ky", false) => query.OrderBy(p => p.From).ThenBy(p => p.To).ThenBy(p => p.Id),
                ("ky", true) => query.OrderByDescending(p => p.From).ThenByDescending(p => p.To).ThenBy(p => p.Id),
                ("han", false) => query.OrderBy(p => p.Deadline).ThenBy(p => p.Id),
                _ => query.OrderByDescending(p => p.Deadline).ThenBy(p => p.Id),
            };
            var paged = await (from p in query
                               join plan in db.Plans on p.PlanId equals plan.Id
                               select new
                               {
                                   p.Id, Plan = plan.Code, p.Kind, p.Year, p.From, p.To, p.Deadline,
                                   Sent = db.PeriodicReports.Count(r => r.ReportingPeriodId == p.Id && r.Status == ReportStatus.Submitted && units.Any(o => o.Id == r.OrganizationId)),
                                   Mine = db.PeriodicReports.Where(r => r.ReportingPeriodId == p.Id && r.OrganizationId == unitId).Select(r => new { r.Status, r.SubmittedAtUtc }).FirstOrDefault(),
                               }).ToPagedAsync(new PageRequest(page), cancellationToken);
            var today = VietnamTime.Today(clock);
            return new Paged<Row>(paged.Items.Select(p =>
            {
                var sentOn = p.Mine is { Status: ReportStatus.Submitted, SubmittedAtUtc: { } at } ? VietnamTime.DayOf(at) : (DateOnly?)null;
                return new Row(p.Id, p.Plan, p.Kind, p.Year, p.Kind.Label(p.Year), p.From, p.To, p.Deadline, p.Sent,
                    clerk ? p.Mine?.Status ?? ReportStatus.Draft : null, clerk ? Deadlines.StateOf(p.Deadline, today, sentOn) : null);
            }).ToList(), paged.Total, paged.Page, paged.PageSize);
        }
    }
}
