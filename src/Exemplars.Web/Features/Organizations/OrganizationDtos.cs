using Exemplars.Domain.Organizations;

namespace Exemplars.Web.Features.Organizations;

public sealed record OrganizationRow(
    int Id,
    string Code,
    string Name,
    OrganizationKind Kind,
    HostUnitType? HostUnitType,
    int? ParentId,
    string? ParentName,
    bool IsActive,
    string? Address);

public static class OrganizationProjections
{
    public static IQueryable<OrganizationRow> ToRows(this IQueryable<Organization> query) =>
        query.Select(o => new OrganizationRow(
            o.Id, o.Code, o.Name, o.Kind, o.HostUnitType, o.ParentId, o.Parent == null ? null : o.Parent.Name, o.IsActive, o.Address));
}
