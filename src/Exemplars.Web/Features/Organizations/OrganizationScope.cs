using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Auth;

namespace Exemplars.Web.Features.Organizations;

/// <summary>The one scope filter: every query over organisations (or rows owned by one) goes through it.</summary>
public static class OrganizationScope
{
    public static IQueryable<Organization> InScopeOf(this IQueryable<Organization> organizations, CurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return organizations.Where(_ => false);
        }

        var prefix = user.ScopePath;
        return prefix == "/" ? organizations : organizations.Where(o => o.Path.StartsWith(prefix));
    }
}
