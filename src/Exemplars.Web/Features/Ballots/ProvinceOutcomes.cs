using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>The secretariat records what the province decided for a candidate the bloc sent up.</summary>
public static class ProvinceOutcomes
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<ProvinceOutcome>> Record(int nominationId, ProvinceOutcome outcome, string? note, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận ghi kết quả của Tỉnh ủy.");
            }

            var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId && n.ForwardedInDecisionId != null, cancellationToken);
            if (nomination is null)
            {
                return DomainError.NotFound("Không tìm thấy hồ sơ đã đề nghị lên Tỉnh ủy.");
            }

            var recorded = nomination.RecordProvinceOutcome(outcome, note, clock.GetUtcNow().UtcDateTime);
            if (!recorded.IsSuccess)
            {
                return Result<ProvinceOutcome>.Failure(recorded.Errors);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
            }

            return outcome;
        }
    }
}
