namespace Exemplars.Domain.Programme;

/// <summary>
/// Plan III.1.1 / IV.1: a grassroots committee, with the head of its agency or enterprise, issues its own plan to carry out
/// the bloc's plan and records it here: number, date, a short summary and the signed file. One per unit and bloc plan.
/// </summary>
public sealed class ImplementationPlan
{
    public int Id { get; set; }

    /// <summary>The bloc plan it carries out.</summary>
    public int PlanId { get; set; }

    /// <summary>The grassroots committee that issued it.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Số ký hiệu, e.g. "12-KH/ĐU".</summary>
    public string Number { get; set; } = string.Empty;

    public DateOnly IssuedOn { get; set; }

    /// <summary>What the unit plans: aims, tasks, who does what (plain text).</summary>
    public string Summary { get; set; } = string.Empty;

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long? FileSize { get; set; }

    public string? Sha256 { get; set; }

    /// <summary>Address of the stored bytes (content-addressed store); never derived from the uploaded name.</summary>
    public string? StoragePath { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changes on every edit; an edit sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
