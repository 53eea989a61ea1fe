using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Crypto;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

public static class GetBallot
{
    public sealed record Candidate(int NominationId, string Name, NomineeKind Kind, string Category, string OrganizationName);

    /// <summary>A member of the ballot-count committee: whether they kept their share and entered it for closing (never the share).</summary>
    public sealed record Trustee(string Name, bool ShareKept, bool ShareEntered);

    /// <summary>
    /// Results are null while the ballot is open: nobody, the secretariat included, sees a running count (there is none:
    /// the papers are encrypted). Once closed, the results are the totals stored at closing.
    /// </summary>
    public sealed record Details(int Id, string Round, BallotKind Kind, int? ParentBallotId, string Title, BallotStatus Status, IReadOnlyList<Candidate> Candidates,
        int EligibleVoters, int Voted, bool IsVoter, bool HasVoted, TallyResult? Results,
        int Threshold, IReadOnlyList<Trustee> Trustees, bool IsTrustee, bool ShareWaiting, bool ShareEntered);

    public sealed class Handler(AppDbContext db, CurrentUser user, BallotKeyCustody custody)
    {
        public async Task<Result<Details>> Handle(int id, CancellationToken cancellationToken)
        {
            var ballot = await db.Visible(user).AsNoTracking().Include(b => b.Candidates).Include(b => b.Trustees).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
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
            var round = await db.Rounds.Where(r => r.Id == ballot.RoundId).Select(r => r.Code).SingleAsync(cancellationToken);
            TallyResult? results = null;
            if (ballot.Status == BallotStatus.Closed)
            {
                var totals = ballot.Candidates.ToDictionary(c => c.NominationId);
                results = new TallyResult(ballot.EligibleVoters ?? 0, ballot.Voted ?? 0, ballot.QuorumMet ?? false, candidates
                    .Select(c => new CandidateResult(c.NominationId, c.Name, c.Kind, totals[c.NominationId].Approvals ?? 0, totals[c.NominationId].Disapprovals ?? 0, totals[c.NominationId].Passed ?? false))
                    .OrderByDescending(c => c.Approvals).ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
            }

            var trusteeIds = ballot.Trustees.Select(t => t.UserId).ToList();
            var names = await db.Users.Where(u => trusteeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
            var entered = await custody.EnteredIndexesAsync(id, cancellationToken);
            var trustees = ballot.Trustees.OrderBy(t => t.ShareIndex)
                .Select(t => new Trustee(names.GetValueOrDefault(t.UserId, "—"), t.ShareKept, entered.Contains(t.ShareIndex))).ToList();
            var mine = ballot.Trustees.SingleOrDefault(t => t.UserId == user.UserId);
            return new Details(ballot.Id, round, ballot.Kind, ballot.ParentBallotId, ballot.Title, ballot.Status, candidates,
                roll?.Eligible ?? 0, roll?.Voted ?? 0, me is not null, me == true, results,
                ballot.Threshold, trustees, mine is not null, mine is not null && await custody.WaitingAsync(id, user.UserId, cancellationToken) is not null, mine is not null && entered.Contains(mine.ShareIndex));
        }
    }
}
