using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>The bloc plans a page offers, and the one it shows (asked for by code, or else the current round's).</summary>
public static class PlanChoice
{
    public sealed class Handler(AppDbContext db, Plans.ChooseRound.Handler rounds)
    {
        public Task<List<ImplementationPlanAccess.PlanInfo>> All(CancellationToken cancellationToken) => ImplementationPlanAccess.PlansAsync(db, cancellationToken);

        public Task<Domain.Common.Result<ImplementationPlanAccess.PlanInfo>> One(string? code, CancellationToken cancellationToken) =>
            ImplementationPlanAccess.PlanAsync(db, rounds, code, cancellationToken);
    }
}
