namespace Exemplars.Domain.Nominations;

/// <summary>A deadline reminder already sent: the unique key makes the reminder job idempotent across restarts.</summary>
public sealed class SentReminder
{
    public long Id { get; set; }

    /// <summary>E.g. "round:3:org:17:d7:2026-03-30" or "report:12:org:17:d1:2026-06-20".</summary>
    public string Key { get; set; } = string.Empty;

    public int OrganizationId { get; set; }

    public DateTime SentAtUtc { get; set; }
}
