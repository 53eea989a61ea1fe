namespace Exemplars.Domain.People;

/// <summary>
/// How many party members of one grassroots party organisation were rated "hoàn thành xuất sắc nhiệm vụ" and "hoàn
/// thành tốt nhiệm vụ" in one year (members of its sub-units included).
/// </summary>
public sealed record ExcellentShare(int OrganizationId, string OrganizationName, int Year, int Excellent, int Good)
{
    /// <summary>The most members that may be rated excellent: 20 % of those rated good, rounded down to whole people.</summary>
    public int Allowed => ExcellentShareRule.Allowed(Good);

    public bool Exceeded => ExcellentShareRule.Exceeded(Excellent, Good);

    /// <summary>The warning, or null when the share is within the limit.</summary>
    public string? Warning => Exceeded ? ExcellentShareRule.Message(OrganizationName, Year, Excellent, Good) : null;
}

/// <summary>
/// The cap on excellent ratings (ADR 026): in each grassroots party organisation, the party members rated "hoàn thành
/// xuất sắc nhiệm vụ" may not exceed 20 % of those rated "hoàn thành tốt nhiệm vụ" (Hướng dẫn 21-HD/BTCTW of Quy định
/// 132-QĐ/TW, kept by 124-QĐ/TW and 366-QĐ/TW). Compared exactly in whole numbers: excellent × 5 &gt; good breaks it,
/// so with 12 rated good at most 2 may be excellent (2.4 is not a person), and with none rated good any excellent one
/// breaks it. The system warns and never refuses: the competent committee decides, and a file may be mid-correction.
/// </summary>
public static class ExcellentShareRule
{
    public const int Percent = 20;

    public static int Allowed(int good) => Math.Max(0, good) * Percent / 100;

    public static bool Exceeded(int excellent, int good) => excellent * 100 > Math.Max(0, good) * Percent;

    /// <summary>"Năm 2025, Đảng bộ X có 3 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% số đảng viên hoàn thành tốt nhiệm vụ (10 đảng viên → tối đa 2) theo Quy định 366-QĐ/TW."</summary>
    public static string Message(string organization, int year, int excellent, int good)
    {
        var regulation = RatingRegulations.For(year) is { } r ? $" theo {r.Title}" : string.Empty;
        var basis = good == 0
            ? "chưa có đảng viên nào hoàn thành tốt nhiệm vụ → tối đa 0"
            : $"{good} đảng viên → tối đa {Allowed(good)}";
        return $"Năm {year}, {organization} có {excellent} đảng viên hoàn thành xuất sắc nhiệm vụ, vượt {Percent}% số đảng viên hoàn thành tốt nhiệm vụ ({basis}){regulation}.";
    }
}
