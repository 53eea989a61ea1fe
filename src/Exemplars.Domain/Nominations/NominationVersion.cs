namespace Exemplars.Domain.Nominations;

/// <summary>What the secretariat received at one submission, frozen as JSON.</summary>
public sealed class NominationVersion
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public int Number { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    public string Snapshot { get; set; } = "{}";
}
