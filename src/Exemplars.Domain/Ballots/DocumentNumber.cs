using System.Text.RegularExpressions;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Ballots;

/// <summary>Kinds of party documents the bloc issues (Hướng dẫn 36-HD/VPTW abbreviations).</summary>
public enum DocumentType
{
    /// <summary>Quyết định.</summary>
    Decision,

    /// <summary>Tờ trình.</summary>
    Submission,
}

/// <summary>Số ký hiệu: "&lt;number&gt;-&lt;type&gt;/&lt;issuer&gt;", numbered per issuer per year across document types.</summary>
public static partial class DocumentNumber
{
    public static string Abbreviation(DocumentType type) => type switch
    {
        DocumentType.Decision => "QĐ",
        DocumentType.Submission => "TTr",
    };

    public static string Format(int number, DocumentType type, string issuer) => $"{number}-{Abbreviation(type)}/{issuer}";

    /// <summary>The next number of an issuer in a year: one more than the highest used, or 1.</summary>
    public static int Next(IEnumerable<int> usedThisYear) => usedThisYear.DefaultIfEmpty(0).Max() + 1;

    public static DomainError? ValidateIssuer(string? issuer) =>
        issuer is not null && IssuerPattern().IsMatch(issuer) ? null : DomainError.Invalid("Issuer", "Ký hiệu cơ quan ban hành chỉ gồm chữ in hoa (có thể có dấu tiếng Việt), ví dụ ĐUK.");

    [GeneratedRegex(@"^[A-ZĐ]{2,10}$")]
    private static partial Regex IssuerPattern();
}
