using System.Globalization;

namespace Exemplars.Domain.Documents;

/// <summary>
/// The issuer of a grassroots document (Báo cáo thành tích, review-meeting minutes): the superior line is the đảng bộ
/// the unit belongs to, the issuer is its committee — "Đảng bộ Sở Tài chính" issues as "ĐẢNG ỦY SỞ TÀI CHÍNH" (symbol
/// ĐU, "T/M ĐẢNG ỦY"), "Chi bộ Sở Tư pháp" as "CHI BỘ SỞ TƯ PHÁP" (symbol CB, "T/M CHI BỘ").
/// </summary>
public static class GrassrootsIssuer
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IssuerHeading For(string organizationName, string parentPartyName)
    {
        var name = organizationName.Trim();
        var superior = Upper(parentPartyName.Trim());
        if (StripPrefix(name, "Chi bộ") is { } chiBo)
        {
            return new IssuerHeading(superior, Upper("Chi bộ " + chiBo), "CB", "T/M CHI BỘ", "Chi bộ " + chiBo);
        }

        var unit = StripPrefix(name, "Đảng bộ") ?? name;
        return new IssuerHeading(superior, Upper("Đảng ủy " + unit), "ĐU", "T/M ĐẢNG ỦY", "Đảng ủy " + unit);
    }

    public static string Upper(string text) => text.ToUpper(Vietnamese);

    private static string? StripPrefix(string name, string prefix) =>
        name.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase) ? name[(prefix.Length + 1)..].Trim() : null;
}
