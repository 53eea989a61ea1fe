namespace Exemplars.Domain.Auditing;

/// <summary>One write, as it happened. Rows are only ever added (the data context refuses updates and deletes).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public int? OrganizationId { get; set; }

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>Created, Updated, Deleted.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>JSON: for each changed property, its value before and after.</summary>
    public string Changes { get; set; } = "{}";
}
