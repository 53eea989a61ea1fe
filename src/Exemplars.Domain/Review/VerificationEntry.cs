using Exemplars.Domain.Ballots;

namespace Exemplars.Domain.Review;

/// <summary>What the secretariat chose for one criterion on the verification page: nothing chosen is null.</summary>
public sealed record VerificationEntry(string? CriterionCode, CheckResult? Result, string? Note);
