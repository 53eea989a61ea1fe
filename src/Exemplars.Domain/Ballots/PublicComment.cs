namespace Exemplars.Domain.Ballots;

/// <summary>A comment from the public on a candidate; moderated, and the secretariat records how it was handled.</summary>
public sealed class PublicComment
{
    public int Id { get; set; }

    public int CommentPeriodId { get; set; }

    public int NominationId { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorContact { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public CommentStatus Status { get; set; } = CommentStatus.Pending;

    public string? Handling { get; set; }

    public string? HandledBy { get; set; }
}
