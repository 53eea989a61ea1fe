namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>
/// The named format rules of a party document, in one place (Hướng dẫn 36-HD/VPTW of 03/4/2018; Quy định 399-QĐ/TW of
/// 09/01/2026 keeps the same components). Sizes are in half-points, as WordprocessingML counts them.
/// </summary>
public static class PartyFormat
{
    public const string Font = "Times New Roman";

    /// <summary>Body text, issuer lines, number, place and date, signature block, "Nơi nhận": 14 pt.</summary>
    public const int BodySize = 28;

    /// <summary>"ĐẢNG CỘNG SẢN VIỆT NAM": capitals, 15 pt, bold, a line under it.</summary>
    public const int MottoSize = 30;

    /// <summary>Type name ("QUYẾT ĐỊNH", "TỜ TRÌNH", "BÁO CÁO"): capitals, 15–16 pt, bold.</summary>
    public const int TypeNameSize = 30;

    /// <summary>Subject line (trích yếu) under the type name: 14–15 pt, bold.</summary>
    public const int SubjectSize = 28;

    /// <summary>"Nơi nhận:" 14 pt, regular, underlined.</summary>
    public const int RecipientsHeadingSize = 28;

    /// <summary>The recipients themselves: 12 pt, regular.</summary>
    public const int RecipientsSize = 24;

    /// <summary>Cells of an attached list: 13 pt.</summary>
    public const int TableSize = 26;

    /// <summary>Page numbers: from the second page, Arabic, centred in the top margin, 14 pt.</summary>
    public const int PageNumberSize = 28;

    /// <summary>A4 in twentieths of a point.</summary>
    public const uint PageWidth = 11906U;

    public const uint PageHeight = 16838U;

    /// <summary>Margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.</summary>
    public const int MarginTop = 1134;

    public const int MarginBottom = 1134;

    public const uint MarginLeft = 1701U;

    public const uint MarginRight = 850U;
}
