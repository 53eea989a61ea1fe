using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Ballots;

public sealed record CandidateResult(int NominationId, string Name, NomineeKind Kind, int Approvals, int Disapprovals, bool Passed);
