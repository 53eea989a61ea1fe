using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Discovery;

/// <summary>Whose records of discovered exemplars a user sees (ADR 029).</summary>
public static class DiscoveryAccess
{
    public const string StaleMessage = "Bản ghi này vừa được người khác sửa. Hãy tải lại trang rồi thực hiện lại.";

    public static bool CanRecord(CurrentUser user) => user.IsAnyOf(Roles.GrassrootsClerk, Roles.MassOrganisationClerk);

    /// <summary>
    /// A unit or branch sees its own records and those of the organisations under it (a grassroots committee its branches');
    /// a bloc association also sees what its branches sent it; the secretariat, the standing committee and the province see
    /// a party committee's records as soon as they are made, and a branch's only once its bloc association forwarded it.
    /// </summary>
    public static IQueryable<DiscoveredExemplar> Visible(AppDbContext db, CurrentUser user)
    {
        var scope = db.Organizations.InScopeOf(user);
        var own = db.DiscoveredExemplars.Where(d => scope.Any(o => o.Id == d.OrganizationId));
        if (user.IsAnyOf(Roles.Admin, Roles.GrassrootsClerk))
        {
            return own;
        }

        if (user.IsInRole(Roles.MassOrganisationClerk))
        {
            var me = user.OrganizationId;
            return db.DiscoveredExemplars.Where(d => scope.Any(o => o.Id == d.OrganizationId) || (d.AssociationOrganizationId == me && d.SendState != DiscoverySendState.Kept));
        }

        return own.Where(d => d.Association == null || d.SendState == DiscoverySendState.Forwarded);
    }
}
