using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;

namespace Exemplars.Web.Features.Organizations;

/// <summary>The columns of the organisations XLSX (import template and export share them).</summary>
public static class OrganizationSheet
{
    public const string Code = "Mã tổ chức";
    public const string Name = "Tên tổ chức";
    public const string Kind = "Loại tổ chức";
    public const string HostUnitType = "Loại hình";
    public const string ParentCode = "Mã tổ chức cấp trên";
    public const string Address = "Địa chỉ";
    public const string Active = "Đang hoạt động";

    public static IReadOnlyList<string> ImportHeaders { get; } = [Code, Name, Kind, HostUnitType, ParentCode, Address];

    public static OrganizationKind? ParseKind(string text) => Parse<OrganizationKind>(text, k => k.Label());

    public static HostUnitType? ParseHost(string text) => Parse<HostUnitType>(text, h => h.Label());

    /// <summary>Accepts the Vietnamese label (any diacritics/case) or the English code.</summary>
    private static T? Parse<T>(string text, Func<T, string> label)
        where T : struct, Enum
    {
        var folded = VietnameseText.Fold(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (folded == VietnameseText.Fold(label(value)) || string.Equals(folded, value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
