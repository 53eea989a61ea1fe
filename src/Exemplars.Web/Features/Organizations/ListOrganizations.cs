using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

public static class ListOrganizations
{
    public sealed record Query(
        string? Search = null,
        OrganizationKind? Kind = null,
        HostUnitType? HostUnitType = null,
        bool IncludeInactive = false,
        int Page = 1,
        int PageSize = PageRequest.DefaultSize,
        string? Sort = null,
        bool Descending = false);

    /// <summary>The columns the list can be sorted by: code (the default) and name.</summary>
    public static readonly string[] SortKeys = ["ma", "ten"];

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public Task<Paged<OrganizationRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var organizations = db.Organizations.InScopeOf(user);
            var search = VietnameseText.Fold(query.Search);
            if (search.Length > 0)
            {
                organizations = organizations.Where(o => EF.Functions.Like(o.SearchName, Common.TextSearch.Contains(search), Common.TextSearch.Escape));
            }

            if (query.Kind is { } kind)
            {
                organizations = organizations.Where(o => o.Kind == kind);
            }

            if (query.HostUnitType is { } host)
            {
                organizations = organizations.Where(o => o.HostUnitType == host);
            }

            if (!query.IncludeInactive)
            {
                organizations = organizations.Where(o => o.IsActive);
            }

            organizations = (query.Sort, query.Descending) switch
            {
                ("ten", false) => organizations.OrderBy(o => o.SearchName).ThenBy(o => o.Code),
                ("ten", true) => organizations.OrderByDescending(o => o.SearchName).ThenBy(o => o.Code),
                (_, true) => organizations.OrderByDescending(o => o.Code),
                _ => organizations.OrderBy(o => o.Code),
            };
            return organizations
                .ToRows()
                .ToPagedAsync(new PageRequest(query.Page, query.PageSize), cancellationToken);
        }
    }
}
