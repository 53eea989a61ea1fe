using Exemplars.Domain.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ballots;

public static class ListBallots
{
    public sealed record Row(int Id, string Round, BallotKind Kind, string Title, BallotStatus Status, DateTime OpenedAtUtc, bool IsVoter, bool HasVoted);

    /// <summary>The columns the list can be sorted by (round, title, opening time); the default is the newest first.</summary>
    public static readonly string[] SortKeys = ["dot", "ten", "mo"];

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public Task<Paged<Row>> Handle(int page, CancellationToken cancellationToken) => Handle(page, null, false, cancellationToken);

        public Task<Paged<Row>> Handle(int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            var userId = user.UserId;
            var joined = from b in db.Visible(user)
                         join r in db.Rounds on b.RoundId equals r.Id
                         select new { b, r };
            joined = (sort, descending) switch
            {
                ("dot", false) => joined.OrderBy(x => x.r.LastRatingYear).ThenBy(x => x.r.Code).ThenBy(x => x.b.Id),
                ("dot", true) => joined.OrderByDescending(x => x.r.LastRatingYear).ThenByDescending(x => x.r.Code).ThenBy(x => x.b.Id),
                ("ten", false) => joined.OrderBy(x => x.b.Title).ThenBy(x => x.b.Id),
                ("ten", true) => joined.OrderByDescending(x => x.b.Title).ThenBy(x => x.b.Id),
                ("mo", false) => joined.OrderBy(x => x.b.OpenedAtUtc).ThenBy(x => x.b.Id),
                _ => joined.OrderByDescending(x => x.b.OpenedAtUtc).ThenByDescending(x => x.b.Id),
            };
            return (from x in joined
                    let b = x.b
                    let r = x.r
                    select new Row(b.Id, r.Code, b.Kind, b.Title, b.Status, b.OpenedAtUtc,
                        db.BallotVoters.Any(v => v.BallotId == b.Id && v.UserId == userId),
                        db.BallotVoters.Any(v => v.BallotId == b.Id && v.UserId == userId && v.HasVoted)))
                .ToPagedAsync(new PageRequest(page), cancellationToken);
        }
    }
}
