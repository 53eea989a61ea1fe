using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// A member casts one paper: Approve or Disapprove for every candidate, once. The "has voted" mark is set by a single
/// conditional update, so two requests of the same member cannot both count; the choices go into the ballot box with
/// random keys and no trace of the member or the time.
/// </summary>
public static class CastVote
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<bool>> Handle(int ballotId, IReadOnlyDictionary<int, BallotChoice>? choices, CancellationToken cancellationToken)
        {
            var ballot = await db.Visible(user).Include(b => b.Candidates).SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
            if (ballot is null)
            {
                return DomainError.NotFound("Không tìm thấy cuộc bỏ phiếu.");
            }

            var userId = user.UserId;
            if (!await db.BallotVoters.AnyAsync(v => v.BallotId == ballotId && v.UserId == userId, cancellationToken))
            {
                return new DomainError(ErrorKind.Forbidden, "not_a_voter", "Đồng chí không có trong danh sách bỏ phiếu.");
            }

            if (ballot.Status != BallotStatus.Open)
            {
                return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc.");
            }

            var candidates = ballot.Candidates.Select(c => c.NominationId).ToHashSet();
            if (choices is null || !candidates.SetEquals(choices.Keys) || choices.Values.Any(c => !Enum.IsDefined(c)))
            {
                return DomainError.Invalid("Choices", "Phiếu phải ghi Đồng ý hoặc Không đồng ý cho từng người, từng tập thể trong danh sách.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await db.BallotVoters
                .Where(v => v.BallotId == ballotId && v.UserId == userId && !v.HasVoted)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.HasVoted, true), cancellationToken);
            if (marked == 0)
            {
                return DomainError.Conflict("already_voted", "Đồng chí đã bỏ phiếu; mỗi người chỉ bỏ phiếu một lần.");
            }

            // Shuffled before insert so that even the order of rows in the box says nothing about the paper they came from.
            db.BallotVotes.AddRange(choices.OrderBy(_ => Random.Shared.Next())
                .Select(c => new BallotVote { Id = Guid.NewGuid(), BallotId = ballotId, NominationId = c.Key, Choice = c.Value }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
