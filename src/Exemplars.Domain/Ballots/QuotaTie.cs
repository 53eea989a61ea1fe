using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Ballots;

/// <summary>Candidates tied at a quota cut: they share the approvals of the last place and there are more of them than places left.</summary>
public sealed record QuotaTie(NomineeKind Kind, int Approvals, int PlacesLeft, IReadOnlyList<int> NominationIds);
