using System.Text.RegularExpressions;

namespace Exemplars.Web.Features.Common;

/// <summary>
/// Search over a folded column (<c>SearchName</c>: lower case, no diacritics, single spaces).
/// <para><see cref="Contains"/>: part of a name anywhere, as <c>LIKE '%…%'</c>, which PostgreSQL answers from the
/// trigram index on that column (migration <c>SearchIndexes</c>; organisations, users). A plain <c>Contains</c> becomes
/// <c>strpos(…) &gt; 0</c> there, which no index serves.</para>
/// <para><see cref="FromWordStart"/>: the text from the start of a word (people, ADR 015) — "van hung" finds
/// "nguyen van hung", "hu" finds "hung"; at 5 million people a trigram search for common words scans hundreds of
/// thousands of index entries, a word index a few thousand.</para>
/// </summary>
public static partial class TextSearch
{
    public const string Escape = "\\";

    /// <summary>The LIKE pattern for a folded search text, its own %, _ and \ taken literally.</summary>
    public static string Contains(string folded) => "%" + Literal(folded) + "%";

    /// <summary>
    /// The text from a word start: <see cref="WordStart.AtStart"/> or <see cref="WordStart.AfterSpace"/> is the exact
    /// condition on every database; on PostgreSQL <see cref="WordStart.Words"/> (when the text is plain letters and
    /// digits) is a full-text query that every match also meets — each whole word, the last one as a prefix — which the
    /// word index on the column serves.
    /// </summary>
    public static WordStart FromWordStart(string folded)
    {
        var literal = Literal(folded);
        string? words = null;
        if (PlainWords().IsMatch(folded))
        {
            var parts = folded.Split(' ');
            parts[^1] += ":*";
            words = string.Join(" & ", parts);
        }

        return new WordStart(literal + "%", "% " + literal + "%", words);
    }

    private static string Literal(string folded) =>
        folded.Replace(Escape, Escape + Escape, StringComparison.Ordinal).Replace("%", Escape + "%", StringComparison.Ordinal).Replace("_", Escape + "_", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9]+( [a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWords();
}

/// <summary>LIKE patterns for a text at the start of a column or after a space, and the word query that narrows them.</summary>
public sealed record WordStart(string AtStart, string AfterSpace, string? Words);
