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
