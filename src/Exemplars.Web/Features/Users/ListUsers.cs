using Exemplars.Domain.Common;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Users;

public static class ListUsers
{
    public sealed record Query(string? Search = null, string? Role = null, bool IncludeInactive = true, int Page = 1, int PageSize = PageRequest.DefaultSize, string? Sort = null, bool Descending = false);

    /// <summary>The columns the list can be sorted by (e-mail, name, role, organisation); e-mail is the default.</summary>
    public static readonly string[] SortKeys = ["email", "ten", "vai-tro", "to-chuc"];

    public sealed record Row(string Id, string Email, string FullName, string Role, int OrganizationId, string OrganizationName, bool IsActive, bool LockedOut);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public Task<Paged<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var scope = user.ScopePath;
            var users = db.Users.Where(u => scope == "/" || u.Organization!.Path.StartsWith(scope));
            var search = VietnameseText.Fold(query.Search);
            if (search.Length > 0)
            {
                users = users.Where(u => EF.Functions.Like(u.SearchName, Common.TextSearch.Contains(search), Common.TextSearch.Escape));
            }

            if (!string.IsNullOrEmpty(query.Role))
            {
                users = users.Where(u => u.Role == query.Role);
            }

            if (!query.IncludeInactive)
            {
                users = users.Where(u => u.IsActive);
            }

            var now = clock.GetUtcNow();
            users = (query.Sort, query.Descending) switch
            {
                ("ten", false) => users.OrderBy(u => u.SearchName).ThenBy(u => u.Email),
                ("ten", true) => users.OrderByDescending(u => u.SearchName).ThenBy(u => u.Email),
                ("vai-tro", false) => users.OrderBy(u => u.Role).ThenBy(u => u.Email),
                ("vai-tro", true) => users.OrderByDescending(u => u.Role).ThenBy(u => u.Email),
                ("to-chuc", false) => users.OrderBy(u => u.Organization!.SearchName).ThenBy(u => u.Email),
                ("to-chuc", true) => users.OrderByDescending(u => u.Organization!.SearchName).ThenBy(u => u.Email),
                (_, true) => users.OrderByDescending(u => u.Email),
                _ => users.OrderBy(u => u.Email),
            };
            return users
                .Select(u => new Row(u.Id, u.Email!, u.FullName, u.Role, u.OrganizationId, u.Organization!.Name, u.IsActive, u.LockoutEnd != null && u.IsActive && u.LockoutEnd > now))
                .ToPagedAsync(new PageRequest(query.Page, query.PageSize), cancellationToken);
        }
    }
}
