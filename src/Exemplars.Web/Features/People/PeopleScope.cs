using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Auth;

namespace Exemplars.Web.Features.People;

public static class PeopleScope
{
    /// <summary>People belong to the organisation scope of their unit (same rule as <see cref="Organizations.OrganizationScope"/>).</summary>
    public static IQueryable<Person> InScopeOf(this IQueryable<Person> people, CurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return people.Where(_ => false);
        }

        var prefix = user.ScopePath;
        return prefix == "/" ? people : people.Where(p => p.Organization!.Path.StartsWith(prefix));
    }
}
