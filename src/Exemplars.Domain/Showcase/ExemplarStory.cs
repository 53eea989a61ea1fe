namespace Exemplars.Domain.Showcase;

/// <summary>
/// The public page of a commended exemplar (tuyên truyền): a story and a photo written by the secretariat about a
/// nomination that received an award. Shown to the public only once approved.
/// </summary>
public sealed class ExemplarStory
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>Sanitized formatting only.</summary>
    public string StoryHtml { get; set; } = string.Empty;

    /// <summary>Folded name, unit, title and story, for diacritics-insensitive search.</summary>
    public string SearchText { get; set; } = string.Empty;

    public int? PhotoFileId { get; set; }

    public bool Approved { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

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
}

public enum DiscoveryStage
{
    /// <summary>Phát hiện.</summary>
    Discovered,

    /// <summary>Bồi dưỡng.</summary>
    Nurtured,
}

/// <summary>
/// Plan IV.1–2: grassroots committees, the Bloc Youth Union and the Bloc Veterans' Association find (phát hiện) and
/// nurture (bồi dưỡng) exemplars between rounds; these records feed later nominations.
/// </summary>
public sealed class DiscoveredExemplar
{
    public int Id { get; set; }

    /// <summary>The organisation that keeps the record (a grassroots committee or a bloc mass organisation).</summary>
    public int OrganizationId { get; set; }

    public Eligibility.NomineeKind Kind { get; set; }

    /// <summary>A registry person of the recording unit, when there is one.</summary>
    public int? PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Unit { get; set; }

    public string Achievements { get; set; } = string.Empty;

    public DiscoveryStage Stage { get; set; }

    public string? NurtureNote { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>When it moved to the nurtured stage: the day it counts as nurtured in periodic reports.</summary>
    public DateTime? NurturedAtUtc { get; set; }
}
