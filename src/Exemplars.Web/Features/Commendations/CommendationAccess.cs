using Exemplars.Domain.Common;
using Exemplars.Domain.Programme;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Commendations;

/// <summary>A grassroots clerk keeps its committee's commendations; the secretariat, the standing committee and the province read every unit's in scope.</summary>
public static class CommendationAccess
{
    public static bool CanRecord(CurrentUser user) => user.IsInRole(Roles.GrassrootsClerk);

    public static bool CanRead(CurrentUser user) => CanRecord(user) || user.IsAnyOf(Roles.Secretariat, Roles.Admin, Roles.StandingCommittee, Roles.ProvinceViewer);

    public static DomainError Forbidden { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Cán bộ cấp ủy cơ sở ghi khen thưởng cấp cơ sở của đơn vị.");

    /// <summary>A clerk sees its own unit's; readers see those of units in their scope; others none.</summary>
    public static IQueryable<GrassrootsCommendation> Visible(AppDbContext db, CurrentUser user) =>
        CanRecord(user) ? db.GrassrootsCommendations.Where(c => c.OrganizationId == user.OrganizationId)
        : CanRead(user) ? db.GrassrootsCommendations.Where(c => db.Organizations.InScopeOf(user).Any(o => o.Id == c.OrganizationId))
        : db.GrassrootsCommendations.Where(_ => false);
}
