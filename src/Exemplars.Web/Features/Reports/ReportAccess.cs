using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// Who touches periodic reports: a grassroots clerk writes and sends its own committee's; the secretariat and admins
/// track, read and return every unit's in their scope; the standing committee reads.
/// </summary>
public static class ReportAccess
{
    public static bool CanManage(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin);

    public static bool CanRead(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin, Roles.StandingCommittee);

    public static bool IsClerk(CurrentUser user) => user.IsInRole(Roles.GrassrootsClerk);

    public static DomainError Forbidden { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không có quyền xem, gửi báo cáo định kỳ.");

    /// <summary>The grassroots committee the caller may see the report of, or null when it is outside their scope.</summary>
    public static Task<Organization?> UnitAsync(AppDbContext db, CurrentUser user, int organizationId, CancellationToken cancellationToken)
    {
        if (IsClerk(user) && organizationId != user.OrganizationId)
        {
            return Task.FromResult<Organization?>(null);
        }

        if (!IsClerk(user) && !CanRead(user))
        {
            return Task.FromResult<Organization?>(null);
        }

        return db.Organizations.AsNoTracking().InScopeOf(user)
            .SingleOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Grassroots, cancellationToken);
    }
}
