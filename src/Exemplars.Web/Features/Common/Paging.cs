namespace Exemplars.Web.Features.Common;

/// <summary>Page number and size as clients send them, clamped to what the API promises (size 1–200).</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int SafePage => Math.Max(1, Page);

    public int SafeSize => Math.Clamp(PageSize <= 0 ? DefaultSize : PageSize, 1, MaxSize);

    public int Skip => (SafePage - 1) * SafeSize;
}

/// <summary>The list shape of the API: items, total, page, pageSize.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);

    /// <summary>One page of a list already in memory (rows computed per unit, filtered after the query).</summary>
    public static Paged<T> Of(IReadOnlyList<T> all, PageRequest request) =>
        new(all.Skip(request.Skip).Take(request.SafeSize).ToList(), all.Count, request.SafePage, request.SafeSize);
}
