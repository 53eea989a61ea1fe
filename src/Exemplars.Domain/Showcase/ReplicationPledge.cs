namespace Exemplars.Domain.Showcase;

/// <summary>A unit's pledge to learn from an exemplar (nhân rộng): what it will apply and by when, and later what came of it.</summary>
public sealed class ReplicationPledge
{
    public int Id { get; set; }

    public int ExemplarStoryId { get; set; }

    public int OrganizationId { get; set; }

    public string WhatToApply { get; set; } = string.Empty;

    public DateOnly DueOn { get; set; }

    public string PledgedBy { get; set; } = string.Empty;

    public DateTime PledgedAtUtc { get; set; }

    public string? Result { get; set; }

    public DateTime? ReportedAtUtc { get; set; }

    /// <summary>Changes on every edit; an edit sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
