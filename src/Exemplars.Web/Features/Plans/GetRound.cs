using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>One round as the admin's edit form shows it (UpdateRound saves it).</summary>
public static class GetRound
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Round>> Handle(int roundId, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được sửa kế hoạch.");
            }

            var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
            return round is null ? DomainError.NotFound("Không tìm thấy đợt bình xét.") : round;
        }
    }
}
