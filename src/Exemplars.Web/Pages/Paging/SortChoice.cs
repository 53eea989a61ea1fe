namespace Exemplars.Web.Pages.Paging;

/// <summary>
/// A list shown as cards or notices (no column headers) offers its orders in one labelled choice inside its filter
/// form; the option with no key is the list's default order. It reads and writes the same <c>sort</c> key as the
/// column headers, so paging and filters keep it the same way.
/// </summary>
public sealed record SortChoice(string Label, IReadOnlyList<(string? Key, string Title)> Options);
