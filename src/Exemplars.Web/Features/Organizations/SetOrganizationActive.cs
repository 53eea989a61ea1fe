using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>Deactivate (or reactivate) an organisation. Organisations are never deleted: history points at them.</summary>
public static class SetOrganizationActive
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<bool>> Handle(int id, bool active, Guid? version, CancellationToken cancellationToken)
        {
            var organization = await db.Organizations.InScopeOf(user).Include(o => o.Parent).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (organization is null)
            {
                return DomainError.NotFound("Không tìm thấy tổ chức.");
            }

            if (Common.Versions.Check(version, organization.Version, "Tổ chức vừa được người khác thay đổi. Hãy tải lại trang.") is { } stale)
            {
                return stale;
            }

            IReadOnlyList<DomainError> errors;
            if (active)
            {
                errors = organization.Reactivate();
            }
            else
            {
                var activeChildren = await db.Organizations.CountAsync(o => o.ParentId == id && o.IsActive, cancellationToken);
                errors = organization.Deactivate(activeChildren);
            }

            if (errors.Count > 0)
            {
                return Result<bool>.Failure(errors);
            }

            await db.SaveChangesAsync(cancellationToken);
            return active;
        }
    }
}
