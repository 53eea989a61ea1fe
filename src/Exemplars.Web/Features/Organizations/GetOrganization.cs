using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

public static class GetOrganization
{
    public sealed record Details(OrganizationRow Organization, IReadOnlyList<OrganizationRow> Children, Guid Version);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        /// <summary>Outside the caller's scope is "not found": the caller must not learn that it exists.</summary>
        public async Task<Result<Details>> Handle(int id, CancellationToken cancellationToken)
        {
            var row = await db.Organizations.InScopeOf(user).Where(o => o.Id == id)
                .Select(o => new { Row = new OrganizationRow(o.Id, o.Code, o.Name, o.Kind, o.HostUnitType, o.ParentId, o.Parent == null ? null : o.Parent.Name, o.IsActive, o.Address), o.Version })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return DomainError.NotFound("Không tìm thấy tổ chức.");
            }

            var children = await db.Organizations.InScopeOf(user).Where(o => o.ParentId == id)
                .OrderBy(o => o.Code).Take(500).ToRows().ToListAsync(cancellationToken);
            return new Details(row.Row, children, row.Version);
        }
    }
}
