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
}
