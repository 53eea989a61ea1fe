using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>Changing the computed list sent to the province needs a written justification; it is stored and audited.</summary>
public static class OverrideSelection
{
    public sealed record Command(string? Round, int NominationId, bool Include, string? Justification);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận điều chỉnh danh sách.");
            }

            var context = await RoundContext.LoadAsync(db, command.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<int>.Failure(context.Errors);
            }

            if (string.IsNullOrWhiteSpace(command.Justification) || command.Justification.Trim().Length < 20)
            {
                return DomainError.Invalid("Justification", "Điều chỉnh danh sách phải có giải trình bằng văn bản (ít nhất 20 ký tự).");
            }

            var roundId = context.Value.Round.Id;
            // Only a candidate the ballot commended and not yet sent up can be moved in or out of the province list.
            var status = await db.Nominations.Where(n => n.Id == command.NominationId && n.RoundId == roundId).Select(n => (NominationStatus?)n.Status).SingleOrDefaultAsync(cancellationToken);
            if (status is null)
            {
                return DomainError.Invalid("NominationId", "Không tìm thấy hồ sơ trong đợt này.");
            }

            if (status != NominationStatus.Commended)
            {
                return DomainError.Conflict("not_commended", NominationStateMachine.WasProposedToProvince(status.Value)
                    ? "Hồ sơ đã được đề nghị lên Tỉnh ủy; danh sách đã gửi không điều chỉnh được nữa."
                    : $"Chỉ điều chỉnh danh sách với hồ sơ được bầu chọn (hồ sơ này: “{status.Value.Label()}”).");
            }

            var entry = new SelectionOverride
            {
                RoundId = roundId, NominationId = command.NominationId, Include = command.Include, Justification = command.Justification.Trim(),
                DecidedBy = user.Email, DecidedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.SelectionOverrides.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return entry.Id;
        }
    }
}
