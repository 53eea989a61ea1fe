using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Ballots;

/// <summary>One candidate on a ballot: the nomination, its kind, and the approvals counted from the ballot box.</summary>
public sealed record CandidateCount(int NominationId, string Name, NomineeKind Kind, int Approvals, int Disapprovals);
