using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

public static class GetBallot
{
    public sealed record Candidate(int NominationId, string Name, NomineeKind Kind, string Category, string OrganizationName);

    /// <summary>Results are null while the ballot is open: nobody, the secretariat included, sees a running count.</summary>
    public sealed record Details(int Id, string Round, BallotKind Kind, int? ParentBallotId, string Title, BallotStatus Status, IReadOnlyList<Candidate> Candidates,
        int EligibleVoters, int Voted, bool IsVoter, bool HasVoted, TallyResult? Results);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Details>> Handle(int id, CancellationToken cancellationToken)
        {
            var ballot = await db.Visible(user).AsNoTracking().Include(b => b.Candidates).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (ballot is null)
            {
                return DomainError.NotFound("Không tìm thấy cuộc bỏ phiếu.");
            }

            var ids = ballot.Candidates.Select(c => c.NominationId).ToList();
            var candidates = await (from n in db.Nominations
                                    join o in db.Organizations on n.OrganizationId equals o.Id
                                    where ids.Contains(n.Id)
                                    orderby n.Kind, n.NomineeName
                                    select new Candidate(n.Id, n.NomineeName, n.Kind, n.CategoryCode, o.Name)).ToListAsync(cancellationToken);
            var roll = await db.BallotVoters.Where(v => v.BallotId == id).GroupBy(v => 1)
                .Select(g => new { Eligible = g.Count(), Voted = g.Count(v => v.HasVoted) }).SingleOrDefaultAsync(cancellationToken);
            var me = await db.BallotVoters.Where(v => v.BallotId == id && v.UserId == user.UserId).Select(v => (bool?)v.HasVoted).SingleOrDefaultAsync(cancellationToken);
            var round = await db.Rounds.Where(r => r.Id == ballot.RoundId).Select(r => new { r.Code, r.PlanId }).SingleAsync(cancellationToken);
            TallyResult? results = null;
            if (ballot.Status == BallotStatus.Closed)
            {
                var box = await db.BallotVotes.Where(v => v.BallotId == id).GroupBy(v => new { v.NominationId, v.Choice })
                    .Select(g => new { g.Key.NominationId, g.Key.Choice, Count = g.Count() }).ToListAsync(cancellationToken);
                var thresholds = await db.Plans.Where(p => p.Id == round.PlanId)
                    .Select(p => new VoteThresholds(p.QuorumNumerator, p.QuorumDenominator, p.ApprovalNumerator, p.ApprovalDenominator)).SingleAsync(cancellationToken);
                results = BallotTally.Count(roll?.Eligible ?? 0, roll?.Voted ?? 0, candidates.Select(c => new CandidateCount(c.NominationId, c.Name, c.Kind,
                    box.Where(b => b.NominationId == c.NominationId && b.Choice == BallotChoice.Approve).Sum(b => b.Count),
                    box.Where(b => b.NominationId == c.NominationId && b.Choice == BallotChoice.Disapprove).Sum(b => b.Count))), thresholds);
            }

            return new Details(ballot.Id, round.Code, ballot.Kind, ballot.ParentBallotId, ballot.Title, ballot.Status, candidates,
                roll?.Eligible ?? 0, roll?.Voted ?? 0, me is not null, me == true, results);
        }
    }
}
