using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The latest in-app notices for the caller: addressed to their role, for an organisation in their scope.</summary>
public static class ListNotifications
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<IReadOnlyList<Notification>> Handle(int take, CancellationToken cancellationToken)
        {
            if (!user.IsAuthenticated)
            {
                return [];
            }

            var role = user.Role;
            var scope = user.ScopePath;
            return await db.Notifications.AsNoTracking()
                .Where(n => n.Roles.Contains(role) && db.Organizations.Any(o => o.Id == n.OrganizationId && o.Path.StartsWith(scope)))
                .OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);
        }
    }
}
