namespace Exemplars.Domain.Ballots;

/// <summary>A written, audited change to the computed list sent to the province: include or exclude one candidate.</summary>
public sealed class SelectionOverride
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int NominationId { get; set; }

    public bool Include { get; set; }

    public string Justification { get; set; } = string.Empty;

    public string DecidedBy { get; set; } = string.Empty;

    public DateTime DecidedAtUtc { get; set; }
}
