using System.Globalization;

namespace Exemplars.Web.Pages.Paging;

/// <summary>
/// The page number of a list page, read from the query string's <c>page</c> key. It is not model-bound: Razor Pages
/// keep the page's own path in the route value <c>page</c>, which a bound property named "page" would read first
/// (and then fail to convert, leaving page 1 and an error banner). Anything that is not a whole number from 1 up
/// gives page 1.
/// </summary>
public static class PageQuery
{
    public const string Key = "page";

    /// <summary>Far beyond any list; keeps the offset computed from it well inside an int.</summary>
    public const int MaxPage = 1_000_000;

    public static int Number(HttpRequest request) => Parse(request.Query[Key].ToString());

    public static int Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? Math.Min(number, MaxPage)
            : 1;
}
