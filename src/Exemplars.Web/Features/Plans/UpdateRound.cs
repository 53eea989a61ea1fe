using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>Admin edits a round's years, dates and quotas.</summary>
public static class UpdateRound
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        /// <summary>The round of a plan named by its code (the API's address); otherwise as <see cref="Handle(int, PlanRules.RoundDraft, Guid?, CancellationToken)"/>.</summary>
        public async Task<Result<int>> Handle(int planId, string roundCode, PlanRules.RoundDraft draft, Guid? version, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được sửa kế hoạch.");
            }

            var roundId = await db.Rounds.Where(r => r.PlanId == planId && r.Code == roundCode).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            return roundId is { } id ? await Handle(id, draft, version, cancellationToken) : DomainError.NotFound("Không tìm thấy đợt bình xét.");
        }

        public async Task<Result<int>> Handle(int roundId, PlanRules.RoundDraft draft, Guid? version, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được sửa kế hoạch.");
            }

            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
            if (round is null)
            {
                return DomainError.NotFound("Không tìm thấy đợt bình xét.");
            }

            const string stale = "Đợt bình xét này vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.";
            if (Common.Versions.Check(version, round.Version, stale) is { } refused)
            {
                return refused;
            }

            var errors = PlanRules.ValidateRound(draft);
            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            PlanRules.Apply(round, draft);
            round.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, stale, cancellationToken) is { } conflict ? conflict : round.PlanId;
        }
    }
}
