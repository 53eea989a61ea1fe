using System.Security.Cryptography;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Crypto;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// A member casts one paper: Approve or Disapprove for every candidate, once. The "has voted" mark is set by a single
/// conditional update, so two requests of the same member cannot both count. Each choice is encrypted at once under the
/// ballot's public key (1 = Đồng ý, 0 = Không đồng ý, fresh randomness every time) and only the ciphertext is stored,
/// under a random key with no trace of the member or the time. Whatever links the mark to the paper (same transaction
/// id, neighbouring rows, the write-ahead log) leads to ciphertexts that nobody can open without the trustees' shares.
/// </summary>
public static class CastVote
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<bool>> Handle(int ballotId, IReadOnlyDictionary<int, BallotChoice>? choices, CancellationToken cancellationToken)
        {
            var ballot = await db.Visible(user).AsNoTracking().Include(b => b.Candidates).SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
            if (ballot is null)
            {
                return DomainError.NotFound("Không tìm thấy cuộc bỏ phiếu.");
            }

            var userId = user.UserId;
            if (!await db.BallotVoters.AnyAsync(v => v.BallotId == ballotId && v.UserId == userId, cancellationToken))
            {
                return new DomainError(ErrorKind.Forbidden, "not_a_voter", "Đồng chí không có trong danh sách bỏ phiếu.");
            }

            if (ballot.RefuseVote() is { } refused)
            {
                return refused;
            }

            var candidates = ballot.Candidates.Select(c => c.NominationId).ToHashSet();
            if (choices is null || !candidates.SetEquals(choices.Keys) || choices.Values.Any(c => !Enum.IsDefined(c)))
            {
                return DomainError.Invalid("Choices", "Phiếu phải ghi Đồng ý hoặc Không đồng ý cho từng người, từng tập thể trong danh sách.");
            }

            // Encrypted before anything is written; the plain choices are not kept beyond this request.
            var papers = choices.Select(c => new BallotVote
            {
                Id = Guid.NewGuid(), BallotId = ballotId, NominationId = c.Key,
                Ciphertext = ExponentialElGamal.Encrypt(ballot.PublicKey, c.Value == BallotChoice.Approve ? 1 : 0),
            }).OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToList();

            // The ballot's shared row lock, held to the commit: the closing takes it exclusively before counting, so this
            // paper is either committed before the count reads the papers (and counted) or finds the ballot closed (ADR 012).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RowLock.SharedAsync(db, RowLock.Ballots, ballotId, cancellationToken);
            var status = await db.Ballots.Where(b => b.Id == ballotId).Select(b => b.Status).SingleAsync(cancellationToken);
            if (status != BallotStatus.Open)
            {
                return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc trước khi phiếu của đồng chí được ghi; phiếu không được tính. Kết quả đã công bố trên trang cuộc bỏ phiếu.");
            }

            var marked = await db.BallotVoters
                .Where(v => v.BallotId == ballotId && v.UserId == userId && !v.HasVoted)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.HasVoted, true), cancellationToken);
            if (marked == 0)
            {
                return DomainError.Conflict("already_voted", "Đồng chí đã bỏ phiếu; mỗi người chỉ bỏ phiếu một lần.");
            }

            db.BallotVotes.AddRange(papers);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
