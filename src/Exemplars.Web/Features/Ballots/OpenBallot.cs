using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Crypto;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// The secretariat opens a secret ballot: a main ballot over verified candidates not yet on a ballot of the round, or
/// a run-off over exactly the candidates of one unresolved tie. The voter roll is the bloc's active standing-committee
/// members; the ballot-count committee (trustees, default the first three members, two needed to close) is chosen among
/// them. A key pair is made in memory: only the public key is stored; the private key is split into the trustees'
/// shares, which wait for their trustee sealed under the custody key (never in clear in the database, never logged; ADR 006).
/// </summary>
public static class OpenBallot
{
    public const int DefaultTrustees = 3;

    public const int DefaultThreshold = 2;

    /// <param name="Trustees">E-mail addresses of the ballot-count committee, among the standing-committee members.</param>
    public sealed record Command(string? Round, string? Title, IReadOnlyList<int>? NominationIds, int? RunOffOf = null, IReadOnlyList<string>? Trustees = null, int? Threshold = null);

    private static readonly DomainError CandidatesChanged = DomainError.Conflict("candidates_changed", "Trong lúc mở phiếu, có hồ sơ trong danh sách vừa được rút hoặc thay đổi. Chưa mở phiếu; hãy tải lại trang để xem danh sách mới rồi mở lại.");

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, GetSelection.Handler selections, BallotKeyCustody custody)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận mở phiếu bầu.");
            }

            var context = await RoundContext.LoadAsync(db, command.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<int>.Failure(context.Errors);
            }

            var roundId = context.Value.Round.Id;
            var candidates = await Candidates(command, roundId, cancellationToken);
            if (!candidates.IsSuccess)
            {
                return Result<int>.Failure(candidates.Errors);
            }

            var members = await db.Users.Where(u => u.IsActive && u.Role == Roles.StandingCommittee && u.Organization!.Path.StartsWith(user.ScopePath))
                .OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
            if (members.Count == 0)
            {
                return DomainError.Rule("no_voters", "Chưa có ủy viên Ban Thường vụ nào để bỏ phiếu.");
            }

            var chosen = command.Trustees is { } emails
                ? emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : members.Take(DefaultTrustees).Select(m => m.Email!).ToList();
            var trustees = members.Where(m => chosen.Contains(m.Email!, StringComparer.OrdinalIgnoreCase)).Select(m => m.Id).ToList();
            var threshold = command.Threshold ?? Math.Min(DefaultThreshold, trustees.Count);
            var errors = Ballot.CheckOpening(command.Title, candidates.Value.Count, trustees.Count, threshold).ToList();
            if (trustees.Count != chosen.Count)
            {
                errors.Add(DomainError.Invalid("Trustees", "Thành viên Ban kiểm phiếu phải là ủy viên Ban Thường vụ đang hoạt động."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var (privateKey, publicKey) = ExponentialElGamal.GenerateKeyPair();
            var ballot = new Ballot
            {
                RoundId = roundId,
                Kind = command.RunOffOf is null ? BallotKind.Main : BallotKind.RunOff,
                ParentBallotId = command.RunOffOf,
                Title = command.Title!.Trim(),
                OpenedBy = user.Email,
                OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
                PublicKey = publicKey,
                Threshold = threshold,
                Candidates = candidates.Value.Select(id => new BallotCandidate { NominationId = id }).ToList(),
            };
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Ballots.Add(ballot);

            // The candidates of a main ballot are frozen (in ballot) in the same save as the ballot.
            if (await Nominations.BallotStates.EnterAsync(db, ballot, cancellationToken) is { Count: > 0 } frozen)
            {
                return Result<int>.Failure(frozen);
            }

            IReadOnlyList<KeyShare> shares;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                shares = SecretSharing.Split(ballot.Id, privateKey, threshold, trustees.Count);
                ballot.Trustees.AddRange(trustees.Select((id, i) => new BallotTrustee { UserId = id, ShareIndex = shares[i].Index, ShareCheck = ExponentialElGamal.PublicPoint(shares[i].Value) }));
                for (var i = 0; i < trustees.Count; i++)
                {
                    custody.HandOut(ballot.Id, trustees[i], shares[i]); // sealed, saved with the opening (ADR 006)
                }

                db.BallotVoters.AddRange(members.Select(m => new BallotVoter { BallotId = ballot.Id, UserId = m.Id }));
                db.Notifications.Add(new Notification
                {
                    OrganizationId = user.OrganizationId, Roles = Roles.StandingCommittee, CreatedAtUtc = ballot.OpenedAtUtc,
                    Text = $"Mời đồng chí bỏ phiếu kín: {ballot.Title}. Thành viên Ban kiểm phiếu nhận mảnh khóa kiểm phiếu trên trang cuộc bỏ phiếu.", Link = $"/Ballots/Details/{ballot.Id}",
                });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A candidate was withdrawn, returned or otherwise changed after it was read: nothing is saved (ADR 012).
                return CandidatesChanged;
            }

            return ballot.Id;
        }

        private async Task<Result<IReadOnlyList<int>>> Candidates(Command command, int roundId, CancellationToken cancellationToken)
        {
            var requested = command.NominationIds?.Distinct().ToList() ?? [];
            if (command.RunOffOf is { } parent)
            {
                // A run-off is over exactly the candidates of one tie still open in the round's selection.
                if (!await db.Ballots.AnyAsync(b => b.Id == parent && b.RoundId == roundId && b.Status == BallotStatus.Closed && b.Kind == BallotKind.Main, cancellationToken))
                {
                    return DomainError.Invalid("RunOffOf", "Bỏ phiếu lại chỉ mở sau một cuộc bỏ phiếu chính đã kết thúc của cùng đợt.");
                }

                var round = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.Code).SingleAsync(cancellationToken);
                var selection = await selections.Handle(round, cancellationToken);
                if (!selection.IsSuccess || !selection.Value.Selection.Ties.Any(t => t.NominationIds.ToHashSet().SetEquals(requested)))
                {
                    return DomainError.Rule("not_a_tie", "Bỏ phiếu lại chỉ gồm đúng những người, tập thể đang bằng phiếu ở ngưỡng đề nghị lên cấp trên.");
                }

                if (await db.Ballots.AnyAsync(b => b.RoundId == roundId && b.Kind == BallotKind.RunOff && b.Status == BallotStatus.Open, cancellationToken))
                {
                    return DomainError.Conflict("run_off_open", "Đang có một cuộc bỏ phiếu lại chưa kết thúc.");
                }

                return requested;
            }

            // A main ballot: verified candidates of the round, none on another main ballot that is open or decided with a quorum
            // (its result stands); a ballot without quorum decided nothing, so its candidates may stand again.
            var verified = await db.Nominations.Where(n => n.RoundId == roundId && n.Status == NominationStatus.Verified).Select(n => n.Id).ToListAsync(cancellationToken);
            var balloted = await (from c in db.Set<BallotCandidate>()
                                  join b in db.Ballots on c.BallotId equals b.Id
                                  where b.RoundId == roundId && b.Kind == BallotKind.Main && (b.Status == BallotStatus.Open || b.QuorumMet == true)
                                  select c.NominationId).ToListAsync(cancellationToken);
            if (command.NominationIds is null)
            {
                return verified.Except(balloted).ToList();
            }

            if (requested.Intersect(balloted).Any())
            {
                return DomainError.Conflict("already_on_ballot", "Có hồ sơ đã được đưa ra bỏ phiếu trong đợt này; kết quả cuộc bỏ phiếu đó không bị thay thế.");
            }

            var notVerified = requested.Except(verified).ToList();
            if (notVerified.Count > 0)
            {
                // Withdrawn or returned since the list was read: the same conflict as a change caught while saving.
                return await db.Nominations.AnyAsync(n => notVerified.Contains(n.Id) && n.RoundId == roundId && (n.Status == NominationStatus.Withdrawn || n.Status == NominationStatus.Returned), cancellationToken)
                    ? CandidatesChanged
                    : DomainError.Rule("nominations_not_verified", "Chỉ bỏ phiếu cho hồ sơ đã thẩm định của đợt này.", "NominationIds");
            }

            return requested;
        }
    }
}
