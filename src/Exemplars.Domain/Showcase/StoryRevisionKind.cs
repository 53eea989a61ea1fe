namespace Exemplars.Domain.Showcase;

public enum StoryRevisionKind
{
    /// <summary>A copy was approved and published.</summary>
    Approved,

    /// <summary>The published copy was taken off the public pages.</summary>
    Unpublished,
}
