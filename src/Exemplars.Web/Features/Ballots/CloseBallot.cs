using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Crypto;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// The ballot-count committee closes the ballot: each trustee enters their own key share, checked against the public
/// check stored at opening and held sealed on the server (<see cref="BallotKeyCustody"/>, ADR 006). When the threshold is reached the private key is rebuilt in memory
/// and checked against the ballot's public key; the papers' ciphertexts are summed per candidate and only these sums are
/// decrypted; the totals and the result are stored with the ballot, which is closed for good; the key and the shares
/// are forgotten. No single paper is ever decrypted.
/// </summary>
public static class CloseBallot
{
    /// <summary>Closed, or how many more shares are needed.</summary>
    public sealed record Outcome(bool Closed, int SharesEntered, int Threshold);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, BallotKeyCustody custody, Webhooks.WebhookOutbox webhooks)
    {
        public async Task<Result<Outcome>> Handle(int ballotId, string? shareText, CancellationToken cancellationToken)
        {
            var ballot = await db.Visible(user).Include(b => b.Candidates).Include(b => b.Trustees).SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
            if (ballot is null)
            {
                return DomainError.NotFound("Không tìm thấy cuộc bỏ phiếu.");
            }

            var trustee = ballot.Trustees.SingleOrDefault(t => t.UserId == user.UserId);
            if (trustee is null)
            {
                return new DomainError(ErrorKind.Forbidden, "not_a_trustee", "Chỉ thành viên Ban kiểm phiếu nhập mảnh khóa để kết thúc bỏ phiếu.");
            }

            if (ballot.Status == BallotStatus.Closed)
            {
                return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc; kết quả không thay đổi được.");
            }

            var share = KeyShare.Parse(shareText);
            if (share is null || share.BallotId != ballotId || share.Index != trustee.ShareIndex || !SecretSharing.Matches(share, trustee.ShareCheck))
            {
                return DomainError.Invalid("Share", "Mảnh khóa không đúng: hãy nhập đúng mảnh khóa đồng chí đã nhận cho cuộc bỏ phiếu này.");
            }

            // The share is entered under the ballot's row lock: a trustee entering at the same time on another instance
            // waits, then sees this share with theirs (issue 18).
            IReadOnlyCollection<KeyShare> shares;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await RowLock.ExclusiveAsync(db, RowLock.Ballots, ballot.Id, cancellationToken);
                await db.Entry(ballot).ReloadAsync(cancellationToken);
                if (ballot.Status == BallotStatus.Closed)
                {
                    return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc; kết quả không thay đổi được.");
                }

                shares = await custody.EnterAsync(share, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (shares.Count < ballot.Threshold)
            {
                return new Outcome(false, shares.Count, ballot.Threshold);
            }

            var privateKey = SecretSharing.Combine(shares);
            if (!ExponentialElGamal.PublicPoint(privateKey).AsSpan().SequenceEqual(ballot.PublicKey))
            {
                await custody.ForgetAsync(ballotId, cancellationToken);
                return DomainError.Rule("key_mismatch", "Các mảnh khóa không khớp với khóa của cuộc bỏ phiếu; hãy nhập lại.");
            }

            return await Count(ballot, privateKey, shares.Count, cancellationToken);
        }

        private async Task<Result<Outcome>> Count(Ballot ballot, Org.BouncyCastle.Math.BigInteger privateKey, int entered, CancellationToken cancellationToken)
        {
            // The ballot's exclusive row lock before anything is read: votes in flight (holding the shared lock) commit first
            // and are counted; later ones wait and then find the ballot closed (ADR 012).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RowLock.ExclusiveAsync(db, RowLock.Ballots, ballot.Id, cancellationToken);
            await db.Entry(ballot).ReloadAsync(cancellationToken);
            if (ballot.Status == BallotStatus.Closed)
            {
                return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc; kết quả không thay đổi được.");
            }

            var roll = await db.BallotVoters.Where(v => v.BallotId == ballot.Id).Select(v => v.HasVoted).ToListAsync(cancellationToken);
            var voted = roll.Count(v => v);
            var papers = await db.BallotVotes.Where(v => v.BallotId == ballot.Id).Select(v => new { v.NominationId, v.Ciphertext }).ToListAsync(cancellationToken);
            var ids = ballot.Candidates.Select(c => c.NominationId).ToList();
            var names = await db.Nominations.Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.NomineeName, n.Kind }).ToDictionaryAsync(n => n.Id, cancellationToken);
            var counts = new List<CandidateCount>();
            foreach (var id in ids)
            {
                var marks = papers.Where(p => p.NominationId == id).Select(p => p.Ciphertext).ToList();
                if (marks.Count != voted)
                {
                    return DomainError.Rule("tally_mismatch", "Số phiếu trong hòm không khớp với số ủy viên đã bỏ phiếu.");
                }

                var approvals = ExponentialElGamal.DecryptTotal(privateKey, ExponentialElGamal.Sum(marks), voted);
                counts.Add(new CandidateCount(id, names[id].NomineeName, names[id].Kind, approvals, voted - approvals));
            }

            var round = await db.Rounds.Where(r => r.Id == ballot.RoundId).Select(r => r.PlanId).SingleAsync(cancellationToken);
            var thresholds = await db.Plans.Where(p => p.Id == round)
                .Select(p => new VoteThresholds(p.QuorumNumerator, p.QuorumDenominator, p.ApprovalNumerator, p.ApprovalDenominator)).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var tally = BallotTally.Count(roll.Count, voted, counts, thresholds);
            var closed = ballot.Close(tally, now);
            if (!closed.IsSuccess)
            {
                return Result<Outcome>.Failure(closed.Errors);
            }

            // The tally of a main ballot records each candidate as commended or not (void without quorum), in the same transaction.
            if (await Nominations.BallotStates.RecordAsync(db, ballot, tally, cancellationToken) is { Count: > 0 } refused)
            {
                return Result<Outcome>.Failure(refused);
            }

            db.Notifications.Add(new Notification
            {
                OrganizationId = user.OrganizationId, Roles = Domain.Users.Roles.StandingCommittee + "," + Domain.Users.Roles.Secretariat, CreatedAtUtc = now,
                Text = $"Đã kết thúc bỏ phiếu: {ballot.Title}. Kết quả đã được công bố.", Link = $"/Ballots/Details/{ballot.Id}",
            });
            // Totals only, as the page publishes them: never who voted how.
            webhooks.Add(db, Domain.Integration.WebhookRules.BallotClosed, new
            {
                ballotId = ballot.Id, title = ballot.Title, members = roll.Count, voted,
                candidates = counts.Select(c => new { nominationId = c.NominationId, nomineeName = c.Name, kind = c.Kind.ToString(), approvals = c.Approvals, disapprovals = c.Disapprovals }),
            });
            await db.SaveChangesAsync(cancellationToken);
            await custody.ForgetAsync(ballot.Id, cancellationToken); // with the closing: a closed ballot leaves no share behind
            await transaction.CommitAsync(cancellationToken);
            return new Outcome(true, entered, ballot.Threshold);
        }
    }
}
