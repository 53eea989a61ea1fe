namespace Exemplars.Domain.Showcase;

/// <summary>Where a story stands with the public.</summary>
public enum StoryState
{
    /// <summary>Never approved: not public.</summary>
    Draft,

    /// <summary>Public, exactly as approved.</summary>
    Published,

    /// <summary>Public as last approved; the working copy holds changes waiting for approval.</summary>
    PublishedWithDraft,

    /// <summary>Was public, taken off with a reason.</summary>
    Unpublished,
}
