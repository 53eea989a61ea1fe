namespace Exemplars.Domain.Ballots;

/// <summary>The counted result of one closed run-off: its candidates' approvals, and whether enough members voted.</summary>
public sealed record RunOffResult(int BallotId, bool QuorumMet, IReadOnlyList<CandidateResult> Candidates);
