using Exemplars.Domain.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ballots;

public static class ListBallots
{
    public sealed record Row(int Id, string Round, BallotKind Kind, string Title, BallotStatus Status, DateTime OpenedAtUtc, bool IsVoter, bool HasVoted);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public Task<Paged<Row>> Handle(int page, CancellationToken cancellationToken)
        {
            var userId = user.UserId;
            return (from b in db.Visible(user)
                    join r in db.Rounds on b.RoundId equals r.Id
                    orderby b.Id descending
                    select new Row(b.Id, r.Code, b.Kind, b.Title, b.Status, b.OpenedAtUtc,
                        db.BallotVoters.Any(v => v.BallotId == b.Id && v.UserId == userId),
                        db.BallotVoters.Any(v => v.BallotId == b.Id && v.UserId == userId && v.HasVoted)))
                .ToPagedAsync(new PageRequest(page), cancellationToken);
        }
    }
}
