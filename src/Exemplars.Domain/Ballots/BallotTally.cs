using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;

namespace Exemplars.Domain.Ballots;

public enum BallotChoice
{
    Approve,
    Disapprove,
}

/// <summary>One candidate on a ballot: the nomination, its kind, and the approvals counted from the ballot box.</summary>
public sealed record CandidateCount(int NominationId, string Name, NomineeKind Kind, int Approvals, int Disapprovals);

public sealed record CandidateResult(int NominationId, string Name, NomineeKind Kind, int Approvals, int Disapprovals, bool Passed);

/// <summary>The counted ballot: whether enough members voted, and each candidate's result against the threshold.</summary>
public sealed record TallyResult(int EligibleVoters, int Voted, bool QuorumMet, IReadOnlyList<CandidateResult> Candidates);

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
