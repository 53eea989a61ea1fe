using Exemplars.Domain.Nominations;

namespace Exemplars.Domain.Ballots;

/// <summary>
/// The standing committee's secret ballot (plan III.1.2, III.2.2): with quorum (default ≥ 2/3 of the eligible members
/// voted), a candidate passes with approvals above the threshold (default &gt; 1/2 of all eligible members). Without quorum
/// nobody passes. The thresholds are the plan's settings, the same fractions as the grassroots review meeting.
/// </summary>
public static class BallotTally
{
    public static TallyResult Count(int eligibleVoters, int voted, IEnumerable<CandidateCount> counts, VoteThresholds thresholds)
    {
        var quorum = eligibleVoters > 0 && thresholds.HasQuorum(voted, eligibleVoters);
        var results = counts
            .Select(c => new CandidateResult(c.NominationId, c.Name, c.Kind, c.Approvals, c.Disapprovals, quorum && thresholds.IsApproved(c.Approvals, eligibleVoters)))
            .OrderByDescending(c => c.Approvals).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new TallyResult(eligibleVoters, voted, quorum, results);
    }
}
