namespace Exemplars.Domain.Nominations;

/// <summary>A later deadline the secretariat granted one organisation for one round, with the reason.</summary>
public sealed class DeadlineExtension
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int OrganizationId { get; set; }

    public DateOnly Until { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string GrantedBy { get; set; } = string.Empty;

    public DateTime GrantedAtUtc { get; set; }
}
