namespace Exemplars.Domain.Showcase;

/// <summary>One entry of a story's history: a copy approved for the public, or the story taken off with a reason. Never changed.</summary>
public sealed class StoryRevision
{
    public int Id { get; set; }

    public int ExemplarStoryId { get; set; }

    public ExemplarStory? Story { get; set; }

    public StoryRevisionKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public string StoryHtml { get; set; } = string.Empty;

    public int? PhotoId { get; set; }

    public string? Reason { get; set; }

    public string By { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }
}
