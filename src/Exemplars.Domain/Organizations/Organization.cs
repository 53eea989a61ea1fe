using Exemplars.Domain.Common;

namespace Exemplars.Domain.Organizations;

/// <summary>
/// A node of the organisation tree. <see cref="Path"/> is the materialised path of ids ("/1/2/15/"),
/// which makes "this organisation and everything under it" a single prefix match: the basis of scope checks.
/// </summary>
public sealed class Organization
{
    public int Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>Name folded for diacritics-insensitive search (see <see cref="VietnameseText.Fold"/>).</summary>
    public string SearchName { get; private set; } = string.Empty;

    public OrganizationKind Kind { get; private set; }

    public HostUnitType? HostUnitType { get; private set; }

    public int? ParentId { get; private set; }

    public Organization? Parent { get; private set; }

    public string Path { get; private set; } = "/";

    public bool IsActive { get; private set; } = true;

    public string? Address { get; private set; }

    /// <summary>Concurrency token: two admins editing the same organisation cannot overwrite each other silently.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private Organization()
    {
    }

    public static Result<Organization> Create(OrganizationDraft draft, Organization? parent)
    {
        var errors = OrganizationRules.Validate(draft, parent);
        if (errors.Count > 0)
        {
            return Result<Organization>.Failure(errors);
        }

        var organization = new Organization { Parent = parent, ParentId = parent?.Id };
        organization.Apply(draft);
        return organization;
    }

    public IReadOnlyList<DomainError> Update(OrganizationDraft draft, Organization? parent)
    {
        var errors = OrganizationRules.Validate(draft, parent);
        if (errors.Count == 0 && parent is not null && Id != 0 && parent.Path.Contains($"/{Id}/", StringComparison.Ordinal))
        {
            errors = [DomainError.Invalid(nameof(OrganizationDraft.ParentCode), "Không thể chọn chính tổ chức này hoặc tổ chức cấp dưới của nó làm tổ chức cấp trên.")];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        Apply(draft);
        Parent = parent;
        ParentId = parent?.Id;
        Version = Guid.NewGuid();
        return [];
    }

    /// <summary>Sets <see cref="Path"/> once the id is known (after the first save).</summary>
    public void AssignPath()
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("The path needs the organisation's id.");
        }

        Path = (Parent?.Path ?? "/") + Id + "/";
    }

    public IReadOnlyList<DomainError> Deactivate(int activeChildren)
    {
        if (!IsActive)
        {
            return [DomainError.Conflict("already_inactive", "Tổ chức này đã ngừng hoạt động.")];
        }

        if (activeChildren > 0)
        {
            return [DomainError.Rule("has_active_children", $"Tổ chức còn {activeChildren} tổ chức trực thuộc đang hoạt động; hãy cho ngừng hoạt động các tổ chức đó trước.")];
        }

        IsActive = false;
        Version = Guid.NewGuid();
        return [];
    }

    public IReadOnlyList<DomainError> Reactivate()
    {
        if (IsActive)
        {
            return [DomainError.Conflict("already_active", "Tổ chức này đang hoạt động.")];
        }

        if (Parent is { IsActive: false })
        {
            return [DomainError.Rule("parent_inactive", "Tổ chức cấp trên đã ngừng hoạt động.")];
        }

        IsActive = true;
        Version = Guid.NewGuid();
        return [];
    }

    private void Apply(OrganizationDraft draft)
    {
        Code = draft.Code.Trim().ToUpperInvariant();
        Name = draft.Name.Trim();
        SearchName = VietnameseText.Fold(Name + " " + Code);
        Kind = draft.Kind;
        HostUnitType = draft.HostUnitType;
        Address = string.IsNullOrWhiteSpace(draft.Address) ? null : draft.Address.Trim();
    }
}

/// <summary>What a person or an import row proposes for an organisation, before the rules have looked at it.</summary>
public sealed record OrganizationDraft(
    string Code,
    string Name,
    OrganizationKind Kind,
    HostUnitType? HostUnitType,
    string? ParentCode,
    string? Address = null);
