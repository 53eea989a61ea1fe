using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Notifications;

/// <summary>The latest in-app notices for the caller: addressed to their role, for an organisation in their scope.</summary>
public static class ListNotifications
{
    /// <summary>The order offered besides the default (newest first): oldest first.</summary>
    public static readonly string[] SortKeys = ["cu"];

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<IReadOnlyList<Notification>> Handle(int take, CancellationToken cancellationToken) =>
            await Mine().OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);

        /// <summary>The notification centre, paged: the caller's notices whose text contains <paramref name="search"/> as typed, newest first or oldest first ("cu").</summary>
        public Task<Common.Paged<Notification>> Page(int page, string? search, string? sort, CancellationToken cancellationToken)
        {
            var notices = Mine();
            var words = search?.Trim() ?? string.Empty;
            if (words.Length > 0)
            {
                notices = notices.Where(n => n.Text.Contains(words));
            }

            return Common.QueryableExtensions.ToPagedAsync(sort == "cu" ? notices.OrderBy(n => n.Id) : notices.OrderByDescending(n => n.Id), new Common.PageRequest(page), cancellationToken);
        }

        private IQueryable<Notification> Mine()
        {
            if (!user.IsAuthenticated)
            {
                return db.Notifications.Where(_ => false);
            }

            var role = user.Role;
            var scope = user.ScopePath;
            return db.Notifications.AsNoTracking()
                .Where(n => n.Roles.Contains(role) && db.Organizations.Any(o => o.Id == n.OrganizationId && o.Path.StartsWith(scope)));
        }
    }
}
