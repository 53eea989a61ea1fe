namespace Exemplars.Domain.Ballots;

public sealed record Selection(IReadOnlyList<CandidateResult> Commended, IReadOnlyList<CandidateResult> ToProvince, IReadOnlyList<QuotaTie> Ties);
