using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Common;

public static class QueryableExtensions
{
    /// <summary>The rows of the requested page of an ordered list.</summary>
    private static IQueryable<T> PageOf<T>(IQueryable<T> ordered, PageRequest request) => ordered.Skip(request.Skip).Take(request.SafeSize);

    /// <summary>A row of a page with the list's count beside it, so that page and count come in one round trip.</summary>
    private sealed record Counted<T>(T Row, int Total);

    /// <summary>
    /// The page and the exact count in one query (the count is an uncorrelated scalar subquery the database runs once);
    /// callers project before paging so no entity graph is loaded. An empty first page means an empty list; a page past
    /// the end has no row to carry the count, so only then is it counted on its own.
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken)
    {
        var rows = await PageOf(query, request)
            .Select(row => new Counted<T>(row, query.Count()))
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : request.Skip == 0 ? 0 : await query.CountAsync(cancellationToken);
        return new Paged<T>(rows.ConvertAll(r => r.Row), total, request.SafePage, request.SafeSize);
    }

    /// <summary>
    /// A page of a list that may hold millions of rows: the rows are counted only up to <paramref name="countCap"/>
    /// (<c>SELECT count(*) FROM (… LIMIT cap + 1)</c> on the unordered filter, so the database stops early), and
    /// <paramref name="orderAndProject"/> orders and shapes the page. Above the cap the total is a lower bound
    /// (<see cref="Paged{T}.TotalIsLowerBound"/>) that grows as pages further on are opened; a page that is not full
    /// gives the exact total.
    /// </summary>
    /// <remarks>The count rides on the page's rows as in <see cref="ToPagedAsync{T}"/>: one round trip.</remarks>
    /// <param name="kept">A count kept from an earlier request with the same filter (then only the page is read), and
    /// where to keep the one counted now.</param>
    public static async Task<Paged<T>> ToBoundedPageAsync<TSource, T>(this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> orderAndProject, PageRequest request, int countCap, CancellationToken cancellationToken, KeptCount? kept = null)
    {
        int counted;
        List<T> items;
        if (kept?.Known is { } known)
        {
            counted = known;
            items = await PageOf(orderAndProject(filtered), request).ToListAsync(cancellationToken);
        }
        else
        {
            var rows = await PageOf(orderAndProject(filtered), request)
                .Select(row => new Counted<T>(row, filtered.Take(countCap + 1).Count()))
                .ToListAsync(cancellationToken);
            counted = rows.Count > 0 ? rows[0].Total : request.Skip == 0 ? 0 : await filtered.Take(countCap + 1).CountAsync(cancellationToken);
            items = rows.ConvertAll(r => r.Row);
            kept?.Keep(counted);
        }

        if (counted <= countCap)
        {
            return new Paged<T>(items, counted, request.SafePage, request.SafeSize);
        }

        var seen = request.Skip + items.Count;
        return items.Count is > 0 && items.Count < request.SafeSize
            ? new Paged<T>(items, seen, request.SafePage, request.SafeSize)
            : new Paged<T>(items, Math.Max(countCap + 1, seen + 1), request.SafePage, request.SafeSize) { TotalIsLowerBound = true };
    }

    /// <summary>
    /// One page and no count, for a view that shows the first rows without a pager (a home page): the total is what
    /// was read, and <see cref="Paged{T}.TotalIsLowerBound"/> says when a full page may have more after it.
    /// </summary>
    public static async Task<Paged<T>> ToUncountedPageAsync<TSource, T>(this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> orderAndProject, PageRequest request, CancellationToken cancellationToken)
    {
        var items = await PageOf(orderAndProject(filtered), request).ToListAsync(cancellationToken);
        var seen = request.Skip + items.Count;
        return new Paged<T>(items, seen, request.SafePage, request.SafeSize) { TotalIsLowerBound = items.Count == request.SafeSize };
    }
}

/// <summary>A list's bounded count kept between requests (<see cref="QueryableExtensions.ToBoundedPageAsync"/>).</summary>
public sealed record KeptCount(int? Known, Action<int> Keep);
