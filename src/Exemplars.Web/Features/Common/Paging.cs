namespace Exemplars.Web.Features.Common;

/// <summary>
/// Page number and size as clients send them, made safe: size 1–200, page 1–<see cref="MaxPage"/>, so that
/// <see cref="Skip"/> never overflows. A page number out of range shows page 1 (the API refuses it earlier with a 400,
/// see <see cref="BoundedInput"/>).
/// </summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>(MaxPage − 1) × MaxSize stays far below <see cref="int.MaxValue"/>.</summary>
    public const int MaxPage = 1_000_000;

    public int SafePage => Page is >= 1 and <= MaxPage ? Page : 1;

    public int SafeSize => Math.Clamp(PageSize <= 0 ? DefaultSize : PageSize, 1, MaxSize);

    public int Skip => (SafePage - 1) * SafeSize;

    /// <summary>A page number from a query string or form: anything unreadable or out of range is page 1.</summary>
    public static int PageFrom(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage ? page : 1;
}

/// <summary>The list shape of the API: items, total, page, pageSize.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);

    /// <summary>
    /// True when the list was counted only up to a cap (<see cref="QueryableExtensions.ToBoundedPageAsync"/>): there are
    /// more than <see cref="Total"/> − 1 rows, and the page after this one exists.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>One page of a list already in memory (rows computed per unit, filtered after the query).</summary>
    public static Paged<T> Of(IReadOnlyList<T> all, PageRequest request) =>
        new(all.Skip(request.Skip).Take(request.SafeSize).ToList(), all.Count, request.SafePage, request.SafeSize);
}
