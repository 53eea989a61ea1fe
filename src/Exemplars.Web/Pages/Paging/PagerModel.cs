using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Exemplars.Web.Pages.Paging;

/// <summary>Links to other pages of a list, keeping the current filters in the query string.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, HttpRequest Request)
{
    /// <summary>The list was counted up to a cap: <see cref="Total"/> − 1 is "more than", and there is a next page.</summary>
    public bool TotalIsLowerBound { get; init; }

    public static PagerModel For<T>(Features.Common.Paged<T> result, HttpRequest request) =>
        new(result.Page, result.PageCount, result.Total, request) { TotalIsLowerBound = result.TotalIsLowerBound };

    public string Url(int page)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
        var builder = new QueryBuilder(query.Where(kv => kv.Key != PageQuery.Key).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty))))
        {
            { PageQuery.Key, Math.Max(1, page).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Request.Path + builder.ToQueryString().Value;
    }
}
