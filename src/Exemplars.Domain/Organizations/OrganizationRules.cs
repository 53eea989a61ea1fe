using System.Text.RegularExpressions;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Organizations;

/// <summary>The shape of the tree (plan section IV: province → bloc → grassroots) as pure checks.</summary>
public static partial class OrganizationRules
{
    public const int MaxNameLength = 250;

    /// <summary>The column's size: a longer address failed on PostgreSQL (and passed on SQLite).</summary>
    public const int MaxAddressLength = 300;

    public static IReadOnlyList<OrganizationKind> AllowedParentKinds(OrganizationKind kind) => kind switch
    {
        OrganizationKind.ProvinceCommittee => [],
        OrganizationKind.BlocCommittee => [OrganizationKind.ProvinceCommittee],
        OrganizationKind.BlocBoard or OrganizationKind.BlocYouthUnion or OrganizationKind.BlocVeteransAssociation
            or OrganizationKind.Grassroots => [OrganizationKind.BlocCommittee],
        OrganizationKind.SubUnit => [OrganizationKind.Grassroots, OrganizationKind.SubUnit],
        OrganizationKind.YouthUnionBranch or OrganizationKind.VeteransBranch => [OrganizationKind.Grassroots],
    };

    public static List<DomainError> Validate(OrganizationDraft draft, Organization? parent)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(draft.Code) || !CodePattern().IsMatch(draft.Code.Trim()))
        {
            errors.Add(DomainError.Invalid(nameof(draft.Code), "Mã tổ chức phải có 2–32 ký tự, chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang hoặc gạch dưới."));
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(DomainError.Invalid(nameof(draft.Name), "Tên tổ chức không được để trống."));
        }
        else if (draft.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(DomainError.Invalid(nameof(draft.Name), $"Tên tổ chức dài tối đa {MaxNameLength} ký tự."));
        }

        if (draft.Address is { } address && address.Trim().Length > MaxAddressLength)
        {
            errors.Add(DomainError.Invalid(nameof(draft.Address), $"Địa chỉ dài tối đa {MaxAddressLength} ký tự."));
        }

        if (!Enum.IsDefined(draft.Kind))
        {
            errors.Add(DomainError.Invalid(nameof(draft.Kind), "Loại tổ chức không hợp lệ."));
            return errors;
        }

        if (draft.Kind == OrganizationKind.Grassroots && draft.HostUnitType is null)
        {
            errors.Add(DomainError.Invalid(nameof(draft.HostUnitType), "Tổ chức cơ sở đảng phải có loại hình cơ quan, đơn vị, doanh nghiệp."));
        }

        if (draft.HostUnitType is { } host && !Enum.IsDefined(host))
        {
            errors.Add(DomainError.Invalid(nameof(draft.HostUnitType), "Loại hình cơ quan, đơn vị, doanh nghiệp không hợp lệ."));
        }

        if (draft.HostUnitType is not null && draft.Kind is not (OrganizationKind.Grassroots or OrganizationKind.SubUnit))
        {
            errors.Add(DomainError.Invalid(nameof(draft.HostUnitType), "Chỉ tổ chức cơ sở đảng và đơn vị trực thuộc mới có loại hình cơ quan, đơn vị, doanh nghiệp."));
        }

        var allowed = AllowedParentKinds(draft.Kind);
        if (allowed.Count == 0 && parent is not null)
        {
            errors.Add(DomainError.Invalid(nameof(draft.ParentCode), $"{draft.Kind.Label()} không có tổ chức cấp trên."));
        }
        else if (allowed.Count > 0 && parent is null)
        {
            errors.Add(DomainError.Invalid(nameof(draft.ParentCode), $"{draft.Kind.Label()} phải có tổ chức cấp trên ({string.Join(" hoặc ", allowed.Select(k => k.Label()))})."));
        }
        else if (parent is not null && !allowed.Contains(parent.Kind))
        {
            errors.Add(DomainError.Invalid(nameof(draft.ParentCode), $"{draft.Kind.Label()} không thể trực thuộc {parent.Kind.Label()} ({parent.Name})."));
        }
        else if (parent is { IsActive: false })
        {
            errors.Add(DomainError.Invalid(nameof(draft.ParentCode), $"Tổ chức cấp trên {parent.Name} đã ngừng hoạt động."));
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{2,32}$")]
    private static partial Regex CodePattern();
}
