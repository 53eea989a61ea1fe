namespace Exemplars.Web.Features.Common;

/// <summary>
/// Search by part of a name over a folded column (<c>SearchName</c>: lower case, no diacritics) as
/// <c>LIKE '%…%'</c>, which PostgreSQL answers from the trigram index on that column (migration <c>SearchIndexes</c>);
/// a plain <c>Contains</c> becomes <c>strpos(…) &gt; 0</c> there, which no index serves.
/// </summary>
public static class TextSearch
{
    public const string Escape = "\\";

    /// <summary>The LIKE pattern for a folded search text, its own %, _ and \ taken literally.</summary>
    public static string Contains(string folded) =>
        "%" + folded.Replace(Escape, Escape + Escape, StringComparison.Ordinal).Replace("%", Escape + "%", StringComparison.Ordinal).Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
