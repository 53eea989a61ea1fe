using Exemplars.Domain.Common;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>A grassroots committee's own implementation plan of a bloc plan, if recorded, with where it stands against the due date.</summary>
public static class GetOwnImplementationPlan
{
    public sealed record Recorded(int Id, string Number, DateOnly IssuedOn, string Summary, string? FileName, long? FileSize, string RecordedBy, DateTime UpdatedAtUtc, Guid Version);

    public sealed record Response(ImplementationPlanAccess.PlanInfo Plan, Recorded? Mine, DeadlineState? State);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, ChooseRound.Handler rounds)
    {
        public async Task<Result<Response>> Handle(string? plan, CancellationToken cancellationToken)
        {
            if (!ImplementationPlanAccess.CanRecord(user))
            {
                return ImplementationPlanAccess.Forbidden;
            }

            var chosen = await ImplementationPlanAccess.PlanAsync(db, rounds, plan, cancellationToken);
            if (!chosen.IsSuccess)
            {
                return Result<Response>.Failure(chosen.Errors);
            }

            var planId = chosen.Value.Id;
            var mine = await For(db, planId, user.OrganizationId, cancellationToken);
            return new Response(chosen.Value, mine, TrackImplementationPlans.Handler.StateOf(chosen.Value.DueOn, VietnamTime.Today(clock), mine?.IssuedOn));
        }

        /// <summary>One unit's plan, for its own page and its periodic report.</summary>
        public static Task<Recorded?> For(AppDbContext db, int planId, int organizationId, CancellationToken cancellationToken) =>
            db.ImplementationPlans.AsNoTracking().Where(p => p.PlanId == planId && p.OrganizationId == organizationId)
                .Select(p => new Recorded(p.Id, p.Number, p.IssuedOn, p.Summary, p.FileName, p.FileSize, p.RecordedBy, p.UpdatedAtUtc, p.Version))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
