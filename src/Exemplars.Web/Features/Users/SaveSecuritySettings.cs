using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Users;

/// <summary>The administrator's security settings: whether staff must sign in in two steps; who has not turned it on yet.</summary>
public static class SaveSecuritySettings
{
    public sealed record State(bool RequireTwoFactorForStaff, int StaffWithoutTwoFactor, int Staff);

    public sealed class Handler(AppDbContext db, CurrentUser me, TwoFactorPolicy policy)
    {
        private static readonly string[] Staff = [Roles.Admin, Roles.Secretariat];

        public async Task<Result<State>> Read(CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên xem thiết lập bảo mật.");
            }

            var required = await policy.RequiredAsync(db, cancellationToken);
            var staff = await db.Users.Where(u => u.IsActive && Staff.Contains(u.Role)).GroupBy(u => u.TwoFactorEnabled).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return new State(required, staff.Where(s => !s.Key).Sum(s => s.Count), staff.Sum(s => s.Count));
        }

        public async Task<Result<bool>> Save(bool requireTwoFactorForStaff, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên đổi thiết lập bảo mật.");
            }

            var row = await db.SecuritySettings.SingleOrDefaultAsync(s => s.Id == SecuritySettings.SingletonId, cancellationToken);
            if (row is null)
            {
                row = new SecuritySettings();
                db.SecuritySettings.Add(row);
            }

            row.RequireTwoFactorForStaff = requireTwoFactorForStaff;
            await db.SaveChangesAsync(cancellationToken); // audited: who changed it and when
            return true;
        }
    }
}
