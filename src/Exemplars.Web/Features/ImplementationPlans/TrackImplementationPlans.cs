using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>
/// Which grassroots committees in scope have issued their implementation plan of a bloc plan and which have not: one
/// paged query with the unit's plan joined, and one aggregate for the counts, whatever the number of units.
/// </summary>
public static class TrackImplementationPlans
{
    /// <summary>Filter: units that have recorded a plan, or those that have not.</summary>
    public enum Filter
    {
        All,
        Recorded,
        Missing,
    }

    public sealed record Row(int OrganizationId, string Code, string Name, int? PlanId, string? Number, DateOnly? IssuedOn, string? Summary, string? FileName, DeadlineState? State);

    public sealed record Summary(int Units, int Recorded, int OnTime, int Late, int Missing);

    public sealed record Response(ImplementationPlanAccess.PlanInfo Plan, Summary Summary, Paged<Row> Units);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, ChooseRound.Handler rounds)
    {
        public async Task<Result<Response>> Handle(string? plan, Filter filter, string? search, int page, CancellationToken cancellationToken)
        {
            if (!ImplementationPlanAccess.CanTrack(user))
            {
                return ImplementationPlanAccess.Forbidden;
            }

            var chosen = await ImplementationPlanAccess.PlanAsync(db, rounds, plan, cancellationToken);
            if (!chosen.IsSuccess)
            {
                return Result<Response>.Failure(chosen.Errors);
            }

            var info = chosen.Value;
            var planId = info.Id;
            var units = db.Organizations.AsNoTracking().InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive);
            var summary = await Count(units, info, cancellationToken);
            if (!string.IsNullOrWhiteSpace(search))
            {
                var folded = VietnameseText.Fold(search);
                var code = search.Trim();
                units = units.Where(o => EF.Functions.Like(o.SearchName, TextSearch.Contains(folded), TextSearch.Escape) || o.Code == code);
            }

            units = filter switch
            {
                Filter.Recorded => units.Where(o => db.ImplementationPlans.Any(p => p.PlanId == planId && p.OrganizationId == o.Id)),
                Filter.Missing => units.Where(o => !db.ImplementationPlans.Any(p => p.PlanId == planId && p.OrganizationId == o.Id)),
                _ => units,
            };
            var today = VietnamTime.Today(clock);
            var paged = await (from o in units
                               join p in db.ImplementationPlans.Where(p => p.PlanId == planId) on o.Id equals p.OrganizationId into plans
                               from p in plans.DefaultIfEmpty()
                               orderby o.Code
                               select new Row(o.Id, o.Code, o.Name, p == null ? null : p.Id, p == null ? null : p.Number, p == null ? null : p.IssuedOn, p == null ? null : p.Summary,
                                   p == null ? null : p.FileName, null))
                .ToPagedAsync(new PageRequest(page), cancellationToken);
            var rows = paged.Items.Select(r => r with { State = StateOf(info.DueOn, today, r.IssuedOn) }).ToList();
            return new Response(info, summary, paged with { Items = rows });
        }

        /// <summary>Where a unit stands against the due date; null when the plan sets none.</summary>
        public static DeadlineState? StateOf(DateOnly? dueOn, DateOnly today, DateOnly? issuedOn) =>
            dueOn is { } due ? Deadlines.StateOf(due, today, issuedOn) : null;

        private async Task<Summary> Count(IQueryable<Domain.Organizations.Organization> units, ImplementationPlanAccess.PlanInfo plan, CancellationToken cancellationToken)
        {
            var planId = plan.Id;
            var due = plan.DueOn ?? DateOnly.MaxValue;
            var total = await units.CountAsync(cancellationToken);
            var recorded = await units.CountAsync(o => db.ImplementationPlans.Any(p => p.PlanId == planId && p.OrganizationId == o.Id), cancellationToken);
            var onTime = await units.CountAsync(o => db.ImplementationPlans.Any(p => p.PlanId == planId && p.OrganizationId == o.Id && p.IssuedOn <= due), cancellationToken);
            var overdue = plan.DueOn is { } d && VietnamTime.Today(clock) > d;
            return new Summary(total, recorded, plan.DueOn is null ? recorded : onTime, plan.DueOn is null ? 0 : recorded - onTime, overdue ? total - recorded : 0);
        }
    }
}
