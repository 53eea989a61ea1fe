using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>
/// Who touches grassroots implementation plans: a grassroots clerk records its own committee's; the secretariat and admins
/// track every unit in their scope and set the date plans are due; the standing committee and the province read.
/// </summary>
public static class ImplementationPlanAccess
{
    public static bool CanRecord(CurrentUser user) => user.IsInRole(Roles.GrassrootsClerk);

    public static bool CanTrack(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin, Roles.StandingCommittee, Roles.ProvinceViewer);

    public static bool CanSetDue(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin);

    public static DomainError Forbidden { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không có quyền với kế hoạch thực hiện của cơ sở.");

    /// <summary>A bloc plan as the pages and the API name it.</summary>
    public sealed record PlanInfo(int Id, string Code, string Name, string? IssuedNumber, DateOnly? IssuedOn, DateOnly? DueOn, Guid Version);

    /// <summary>The plan asked for by code, or else the plan of the current round (<see cref="ChooseRound"/>).</summary>
    public static async Task<Result<PlanInfo>> PlanAsync(AppDbContext db, ChooseRound.Handler rounds, string? code, CancellationToken cancellationToken)
    {
        var wanted = code?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            var current = (await rounds.Handle(null, cancellationToken)).Selected;
            if (current is null)
            {
                return DomainError.NotFound("Chưa có kế hoạch nào.");
            }

            return await Project(db.Plans.AsNoTracking().Where(p => p.Id == current.PlanId)).SingleAsync(cancellationToken);
        }

        return await Project(db.Plans.AsNoTracking().Where(p => p.Code == wanted)).SingleOrDefaultAsync(cancellationToken) is { } plan
            ? plan
            : DomainError.NotFound($"Không có kế hoạch mã \"{wanted}\".");
    }

    /// <summary>Every plan, newest first, for the picker.</summary>
    public static Task<List<PlanInfo>> PlansAsync(AppDbContext db, CancellationToken cancellationToken) =>
        Project(db.Plans.AsNoTracking().OrderByDescending(p => p.Code)).ToListAsync(cancellationToken);

    private static IQueryable<PlanInfo> Project(IQueryable<Plan> plans) =>
        plans.Select(p => new PlanInfo(p.Id, p.Code, p.Name, p.IssuedNumber, p.IssuedOn, p.ImplementationPlansDueOn, p.Version));
}
