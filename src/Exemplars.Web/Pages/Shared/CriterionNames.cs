using System.Text.RegularExpressions;

namespace Exemplars.Web.Pages.Layout;

/// <summary>
/// How a criterion or an evidence file's purpose is named on screen: by its numbered item in the plan ("Tiêu chí 3.2.5.1"),
/// never by a code word ("3.2.leader", "minutes").
/// </summary>
public static partial class CriterionNames
{
    public static string Label(string? code) => code switch
    {
        null or "" => "Minh chứng chung",
        "minutes" => "Biên bản họp có chữ ký",
        _ when code.EndsWith(".leader", StringComparison.Ordinal) => "Tiêu chí đối với cá nhân giữ chức vụ lãnh đạo, quản lý",
        _ when code.EndsWith(".party_member", StringComparison.Ordinal) => "Tiêu chí đối với đảng viên",
        _ when Numbered().IsMatch(code) => $"Tiêu chí {code}",
        _ when Lettered().Match(code) is { Success: true } m => $"Tiêu chí {m.Groups[1].Value}, điểm {m.Groups[2].Value}",
        _ when LetteredItem().Match(code) is { Success: true } m => $"Tiêu chí {m.Groups[1].Value}, điểm {m.Groups[2].Value}, ý {m.Groups[3].Value}",
        _ => "Tiêu chí bổ sung",
    };

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex Numbered();

    /// <summary>An item's lettered point, as plans number them: 3.2.1.a is point a of item 3.2.1.</summary>
    [GeneratedRegex(@"^(\d+(?:\.\d+)*)\.([a-zđ])$")]
    private static partial Regex Lettered();

    /// <summary>A numbered line of a lettered point: 3.2.1.a.1 is line 1 of point a of item 3.2.1.</summary>
    [GeneratedRegex(@"^(\d+(?:\.\d+)*)\.([a-zđ])\.(\d+)$")]
    private static partial Regex LetteredItem();
}
