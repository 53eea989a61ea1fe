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

    /// <summary>Counted up to this many; above it the list says "hơn 10.000" (issue 14: no count of the whole tree per page).</summary>
    public const int CountCap = 10_000;

    public sealed class Handler(AppDbContext db, CurrentUser user, OrganizationListCounts counts)
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

            return organizations.ToBoundedPageAsync(
                filtered => Order(filtered, query.Sort, query.Descending).ToRows(),
                new PageRequest(query.Page, query.PageSize),
                CountCap,
                cancellationToken,
                counts.For(KeptKey.Of(user.ScopePath, search, query.Kind, query.HostUnitType, query.IncludeInactive)));
        }

        private static IOrderedQueryable<Organization> Order(IQueryable<Organization> organizations, string? sort, bool descending) => (sort, descending) switch
        {
            ("ten", false) => organizations.OrderBy(o => o.SearchName).ThenBy(o => o.Code),
            ("ten", true) => organizations.OrderByDescending(o => o.SearchName).ThenBy(o => o.Code),
            (_, true) => organizations.OrderByDescending(o => o.Code),
            _ => organizations.OrderBy(o => o.Code),
        };
    }
}
