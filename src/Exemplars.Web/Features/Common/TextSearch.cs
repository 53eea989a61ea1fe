namespace Exemplars.Web.Features.Common;

/// <summary>
/// Search over a folded column (<c>SearchName</c>: lower case, no diacritics, single spaces).
/// <para><see cref="Contains"/>: part of a name anywhere, as <c>LIKE '%…%'</c>, which PostgreSQL answers from the
/// trigram index on that column (migration <c>SearchIndexes</c>; organisations, users). A plain <c>Contains</c> becomes
/// <c>strpos(…) &gt; 0</c> there, which no index serves.</para>
/// <para><see cref="FromWordStart"/>: the text from the start of a word (people, ADR 015 and 017) — "van hung" finds
/// "nguyen van hung", "hu" finds "hung"; at 5 million people a trigram search for common words scans hundreds of
/// thousands of index entries, while PostgreSQL reads a word start as one range of <see cref="Infrastructure.Data.PersonNameKey"/>.</para>
/// </summary>
public static class TextSearch
{
    public const string Escape = "\\";

    /// <summary>The LIKE pattern for a folded search text, its own %, _ and \ taken literally.</summary>
    public static string Contains(string folded) => "%" + Literal(folded) + "%";

    /// <summary>
    /// The text from a word start: <see cref="WordStart.AtStart"/> (the column, or on PostgreSQL a name key, begins with
    /// it) or <see cref="WordStart.AfterSpace"/> (a later word begins with it), as LIKE patterns.
    /// </summary>
    public static WordStart FromWordStart(string folded)
    {
        var literal = Literal(folded);
        return new WordStart(literal + "%", "% " + literal + "%");
    }

    private static string Literal(string folded) =>
        folded.Replace(Escape, Escape + Escape, StringComparison.Ordinal).Replace("%", Escape + "%", StringComparison.Ordinal).Replace("_", Escape + "_", StringComparison.Ordinal);
}

/// <summary>LIKE patterns for a text at the start of a column or after a space.</summary>
public sealed record WordStart(string AtStart, string AfterSpace);
