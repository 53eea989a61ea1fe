using System.Globalization;
using System.Text.RegularExpressions;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Documents;

/// <summary>
/// Số ký hiệu "&lt;number&gt;-&lt;type&gt;/&lt;issuer&gt;": numbered continuously from 01 for each document type within a
/// committee term (nhiệm kỳ), the term running from the day after one congress closes to the day the next closes.
/// </summary>
public static partial class DocumentNumber
{
    public static string Abbreviation(DocumentType type) => type switch
    {
        DocumentType.Decision => "QĐ",
        DocumentType.Submission => "TTr",
        DocumentType.Report => "BC",
    };

    /// <summary>The type's name as a register or a list shows it.</summary>
    public static string Name(DocumentType type) => type switch
    {
        DocumentType.Decision => "Quyết định",
        DocumentType.Submission => "Tờ trình",
        DocumentType.Report => "Báo cáo",
    };

    /// <summary>"01-QĐ/ĐUK": two digits at least, so the first number is 01.</summary>
    public static string Format(int number, DocumentType type, string issuer) =>
        $"{number.ToString("00", CultureInfo.InvariantCulture)}-{Abbreviation(type)}/{issuer}";

    /// <summary>The next number of an issuer for one type in one term: one more than the highest used, or 1.</summary>
    public static int Next(IEnumerable<int> usedInTerm) => usedInTerm.DefaultIfEmpty(0).Max() + 1;

    /// <summary>How long a term with no recorded successor is taken to run: five years and a year's grace for a late congress.</summary>
    public const int OpenTermYears = 6;

    /// <summary>
    /// The key of the term a date falls in: the start date (yyyyMMdd) of the latest term starting on or before the date.
    /// With no such term, or past <see cref="OpenTermYears"/> of the last one, the calendar year (yyyy) stands in — a
    /// different range, so a year never shares its sequence with a recorded term.
    /// </summary>
    public static int TermKey(IEnumerable<DateOnly> termStarts, DateOnly date)
    {
        var starts = termStarts.Order().ToList();
        var start = starts.LastOrDefault(s => s <= date);
        if (start == default || (start == starts[^1] && date >= start.AddYears(OpenTermYears)))
        {
            return date.Year;
        }

        return (start.Year * 10000) + (start.Month * 100) + start.Day;
    }

    /// <summary>How a term key reads on screen: "nhiệm kỳ từ 21/08/2025" or "năm 2031".</summary>
    public static string TermLabel(int key) => key > 9999
        ? $"nhiệm kỳ từ {key % 100:00}/{key / 100 % 100:00}/{key / 10000}"
        : $"năm {key}";

    public static DomainError? ValidateIssuer(string? issuer) =>
        issuer is not null && IssuerPattern().IsMatch(issuer) ? null : DomainError.Invalid("Issuer", "Ký hiệu cơ quan ban hành chỉ gồm chữ in hoa (có thể có dấu tiếng Việt), ví dụ ĐUK.");

    [GeneratedRegex(@"^[A-ZĐ]{2,10}$")]
    private static partial Regex IssuerPattern();
}
