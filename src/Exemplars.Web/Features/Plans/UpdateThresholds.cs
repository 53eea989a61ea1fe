using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>Admin sets a plan's review-meeting thresholds: quorum (present ≥ a/b of members) and approval (agree &gt; c/d of members).</summary>
public static class UpdateThresholds
{
    public sealed record Command(int QuorumNumerator, int QuorumDenominator, int ApprovalNumerator, int ApprovalDenominator);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<int>> Handle(int planId, Command command, Guid? version, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được sửa kế hoạch.");
            }

            if (command.QuorumDenominator <= 0 || command.ApprovalDenominator <= 0
                || command.QuorumNumerator <= 0 || command.QuorumNumerator > command.QuorumDenominator
                || command.ApprovalNumerator <= 0 || command.ApprovalNumerator >= command.ApprovalDenominator)
            {
                return DomainError.Invalid("QuorumNumerator", "Tỷ lệ phải là phân số dương: số có mặt tối thiểu không quá 1, tỷ lệ đồng ý phải nhỏ hơn 1.");
            }

            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null)
            {
                return DomainError.NotFound("Không tìm thấy kế hoạch.");
            }

            if (Common.Versions.Check(version, plan.Version, PlanEdits.Stale) is { } refused)
            {
                return refused;
            }

            (plan.QuorumNumerator, plan.QuorumDenominator, plan.ApprovalNumerator, plan.ApprovalDenominator) =
                (command.QuorumNumerator, command.QuorumDenominator, command.ApprovalNumerator, command.ApprovalDenominator);
            plan.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, PlanEdits.Stale, cancellationToken) is { } conflict ? conflict : plan.Id;
        }
    }
}
