namespace Exemplars.Domain.Ballots;

/// <summary>The counted ballot: whether enough members voted, and each candidate's result against the threshold.</summary>
public sealed record TallyResult(int EligibleVoters, int Voted, bool QuorumMet, IReadOnlyList<CandidateResult> Candidates);
