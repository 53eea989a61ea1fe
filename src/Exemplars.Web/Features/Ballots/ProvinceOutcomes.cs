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

            if (outcome is not (ProvinceOutcome.Commended or ProvinceOutcome.NotCommended))
            {
                return DomainError.Invalid("Outcome", "Kết quả phải là Commended (được khen thưởng) hoặc NotCommended (không được khen thưởng).");
            }

            var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId && n.ForwardedInDecisionId != null, cancellationToken);
            if (nomination is null)
            {
                return DomainError.NotFound("Không tìm thấy hồ sơ đã đề nghị lên Tỉnh ủy.");
            }

            nomination.ProvinceOutcome = outcome;
            nomination.ProvinceOutcomeAtUtc ??= clock.GetUtcNow().UtcDateTime; // the first record dates it in periodic reports; corrections do not move it
            nomination.ProvinceOutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 1000)];
            nomination.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
    }
}
