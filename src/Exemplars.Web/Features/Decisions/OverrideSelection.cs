using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Decisions;

/// <summary>Changing the computed list sent to the province needs a written justification; it is stored and audited.</summary>
public static class OverrideSelection
{
    public sealed record Command(string? Round, int NominationId, bool Include, string? Justification);

    /// <summary>One commended candidate: on the computed or adjusted province list or not, and the latest written reason.</summary>
    public sealed record Row(int NominationId, string Name, NomineeKind Kind, int Approvals, bool OnList, NominationStatus Status, string? Justification);

    public sealed record ListState(string Round, int QuotaCollectives, int QuotaIndividuals, IReadOnlyList<Row> Rows, int Ties);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, GetSelection.Handler selection)
    {
        /// <summary>The province list as the adjustment page shows it: every candidate the ballot commended, on the list or not.</summary>
        public async Task<Result<ListState>> Prepare(string? round, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận điều chỉnh danh sách.");
            }

            var result = await selection.Handle(round, cancellationToken);
            if (!result.IsSuccess)
            {
                return Result<ListState>.Failure(result.Errors);
            }

            var s = result.Value;
            var ids = s.Selection.Commended.Select(c => c.NominationId).ToList();
            var statuses = await db.Nominations.Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Status }).ToDictionaryAsync(n => n.Id, n => n.Status, cancellationToken);
            var onList = s.Selection.ToProvince.Select(c => c.NominationId).ToHashSet();
            var reasons = s.Overrides.GroupBy(o => o.NominationId).ToDictionary(g => g.Key, g => g.Last().Justification);
            var rows = s.Selection.Commended
                .Select(c => new Row(c.NominationId, c.Name, c.Kind, c.Approvals, onList.Contains(c.NominationId) || NominationStateMachine.WasProposedToProvince(statuses.GetValueOrDefault(c.NominationId)),
                    statuses.GetValueOrDefault(c.NominationId), reasons.GetValueOrDefault(c.NominationId)))
                .OrderBy(r => r.Kind).ThenByDescending(r => r.OnList).ThenByDescending(r => r.Approvals).ToList();
            return new ListState(round!, s.QuotaCollectives, s.QuotaIndividuals, rows, s.Selection.Ties.Count);
        }

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
                return DomainError.Rule("nomination_not_in_round", "Không tìm thấy hồ sơ trong đợt này.", "NominationId");
            }

            if (status != NominationStatus.Commended)
            {
                return DomainError.Conflict("not_commended", NominationStateMachine.WasProposedToProvince(status.Value)
                    ? "Hồ sơ đã được đề nghị lên cấp trên; danh sách đã gửi không điều chỉnh được nữa."
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
