using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Exemplars.Web.Pages.Paging;

/// <summary>
/// A list's sort order from the query string (<c>sort</c> = a column key the page allows, <c>desc</c> = true for
/// descending) and the links of its column headers. A key the page does not know gives the page's default order.
/// Changing the order keeps the filters and goes back to page 1.
/// </summary>
public sealed record SortModel(string? Key, bool Descending, HttpRequest Request)
{
    public const string KeyName = "sort";
    public const string DescendingName = "desc";

    public static SortModel From(HttpRequest request, params string[] allowed)
    {
        var key = request.Query[KeyName].ToString();
        return new SortModel(allowed.Contains(key, StringComparer.Ordinal) ? key : null, string.Equals(request.Query[DescendingName], "true", StringComparison.OrdinalIgnoreCase), request);
    }

    public bool IsBy(string key) => Key == key;

    /// <summary>A column header for the _SortHeader partial.</summary>
    public SortHeader Header(string key, string title) => new(this, key, title);

    /// <summary>The header's link: by this column ascending, or reversed when it already sorts by it.</summary>
    public string Url(string key)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
        var kept = query.Where(kv => kv.Key is not (PageQuery.Key or KeyName or DescendingName))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty)));
        var builder = new QueryBuilder(kept) { { KeyName, key } };
        if (IsBy(key) && !Descending)
        {
            builder.Add(DescendingName, "true");
        }

        return Request.Path + builder.ToQueryString().Value;
    }

    /// <summary>aria-sort of a column header.</summary>
    public string AriaSort(string key) => !IsBy(key) ? "none" : Descending ? "descending" : "ascending";
}

/// <summary>One sortable column header: the list's order, the column's key and its title.</summary>
public sealed record SortHeader(SortModel Sort, string Key, string Title);
