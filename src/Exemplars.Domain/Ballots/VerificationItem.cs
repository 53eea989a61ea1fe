namespace Exemplars.Domain.Ballots;

/// <summary>The secretariat's verification of one criterion of a dossier.</summary>
public sealed class VerificationItem
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public string CriterionCode { get; set; } = string.Empty;

    public CheckResult Result { get; set; }

    public string? Note { get; set; }

    public string CheckedBy { get; set; } = string.Empty;

    public DateTime CheckedAtUtc { get; set; }
}
