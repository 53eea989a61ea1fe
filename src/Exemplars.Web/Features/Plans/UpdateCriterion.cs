using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>Admin edits a criterion's text; once a round of the plan is frozen the edit becomes a new version (PlanRules.EditCriterion).</summary>
public static class UpdateCriterion
{
    public sealed class Handler(AppDbContext db, CurrentUser user, FrozenRounds frozen)
    {
        public async Task<Result<int>> Handle(int planId, string criterionCode, string text, Guid? version, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được sửa kế hoạch.");
            }

            var plan = await db.Plans.Include(p => p.Rounds).Include(p => p.Criteria).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null)
            {
                return DomainError.NotFound("Không tìm thấy kế hoạch.");
            }

            if (Common.Versions.Check(version, plan.Version, PlanEdits.Stale) is { } refused)
            {
                return refused;
            }

            var error = PlanRules.EditCriterion(plan, criterionCode, text, await frozen.Of(planId, cancellationToken));
            if (error is not null)
            {
                return error;
            }

            plan.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, PlanEdits.Stale, cancellationToken) is { } conflict ? conflict : plan.Id;
        }
    }
}

/// <summary>
/// Rounds whose criteria may no longer change in place: those with nominations. Nominations arrive with the
/// nominations feature; until then a round is frozen only when an administrator has marked it so (<see cref="Round"/> has no nominations yet).
/// </summary>
public sealed class FrozenRounds(AppDbContext db)
{
    public async Task<IReadOnlySet<int>> Of(int planId, CancellationToken cancellationToken) =>
        (await db.Rounds.Where(r => r.PlanId == planId && r.CriteriaFrozen).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
}
