using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>The secretariat closes the ballot; only then are results shown.</summary>
public static class CloseBallot
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, GetBallot.Handler ballots)
    {
        public async Task<Result<bool>> Handle(int ballotId, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận kết thúc phiếu bầu.");
            }

            var ballot = await db.Visible(user).SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
            if (ballot is null)
            {
                return DomainError.NotFound("Không tìm thấy cuộc bỏ phiếu.");
            }

            if (ballot.Status == BallotStatus.Closed)
            {
                return DomainError.Conflict("ballot_closed", "Cuộc bỏ phiếu đã kết thúc.");
            }

            ballot.Status = BallotStatus.Closed;
            ballot.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.Notifications.Add(new Domain.Nominations.Notification
            {
                OrganizationId = user.OrganizationId, Roles = Domain.Users.Roles.StandingCommittee + "," + Domain.Users.Roles.Secretariat, CreatedAtUtc = ballot.ClosedAtUtc.Value,
                Text = $"Đã kết thúc bỏ phiếu: {ballot.Title}. Kết quả đã được công bố.", Link = $"/Ballots/Details/{ballot.Id}",
            });
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // nomination-states: the tally of a main ballot records each candidate as commended or not (void without quorum).
            var tally = (await ballots.Handle(ballot.Id, cancellationToken)).Value.Results!;
            if (await Nominations.BallotStates.RecordAsync(db, ballot, tally, cancellationToken) is { Count: > 0 } refused)
            {
                return Result<bool>.Failure(refused);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
