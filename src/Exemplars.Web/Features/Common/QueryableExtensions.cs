using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Common;

public static class QueryableExtensions
{
    /// <summary>One count and one page query; callers project before paging so no entity graph is loaded.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(request.Skip).Take(request.SafeSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, total, request.SafePage, request.SafeSize);
    }

    /// <summary>
    /// A page of a list that may hold millions of rows: the rows are counted only up to <paramref name="countCap"/>
    /// (<c>SELECT count(*) FROM (… LIMIT cap + 1)</c> on the unordered filter, so the database stops early), and
    /// <paramref name="orderAndProject"/> orders and shapes the page. Above the cap the total is a lower bound
    /// (<see cref="Paged{T}.TotalIsLowerBound"/>) that grows as pages further on are opened; a page that is not full
    /// gives the exact total.
    /// </summary>
    public static async Task<Paged<T>> ToBoundedPageAsync<TSource, T>(this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> orderAndProject, PageRequest request, int countCap, CancellationToken cancellationToken)
    {
        var counted = await filtered.Take(countCap + 1).CountAsync(cancellationToken);
        var items = await orderAndProject(filtered).Skip(request.Skip).Take(request.SafeSize).ToListAsync(cancellationToken);
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
        var items = await orderAndProject(filtered).Skip(request.Skip).Take(request.SafeSize).ToListAsync(cancellationToken);
        var seen = request.Skip + items.Count;
        return new Paged<T>(items, seen, request.SafePage, request.SafeSize) { TotalIsLowerBound = items.Count == request.SafeSize };
    }
}
