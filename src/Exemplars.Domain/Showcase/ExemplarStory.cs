using Exemplars.Domain.Common;

namespace Exemplars.Domain.Showcase;

/// <summary>
/// The public page of a commended exemplar (tuyên truyền): a story and a photo written by the secretariat about a
/// nomination that received an award. The secretariat edits a working copy (<see cref="Title"/>, <see cref="StoryHtml"/>,
/// <see cref="PhotoId"/>); the public only ever sees the last approved copy (<see cref="PublishedTitle"/>,
/// <see cref="PublishedHtml"/>, <see cref="PublishedPhotoId"/>), so an edit to a published story stays a draft until it is
/// approved again. Each approval and each unpublishing is kept as a <see cref="StoryRevision"/>.
/// </summary>
public sealed class ExemplarStory
{
    public const int MaxTitle = 300;

    public const int MaxStory = 50_000;

    public const int MinReason = 10;

    public int Id { get; set; }

    public int NominationId { get; set; }

    /// <summary>Working copy: the title being edited.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Working copy: sanitized formatting only.</summary>
    public string StoryHtml { get; set; } = string.Empty;

    /// <summary>Working copy: the photo (a <see cref="ShowcasePhoto"/>), if any.</summary>
    public int? PhotoId { get; set; }

    /// <summary>True while the working copy holds changes the secretariat has not approved.</summary>
    public bool HasDraft { get; set; }

    /// <summary>Shown to the public: only while true, and only the published copy.</summary>
    public bool Approved { get; set; }

    public string? PublishedTitle { get; set; }

    public string? PublishedHtml { get; set; }

    public int? PublishedPhotoId { get; set; }

    /// <summary>Folded name, unit, published title and story, for diacritics-insensitive public search.</summary>
    public string SearchText { get; set; } = string.Empty;

    public string? ApprovedBy { get; set; }

    /// <summary>When the currently published copy was approved.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Why the story was taken off the public pages, while it is off.</summary>
    public string? UnpublishedReason { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changes with every edit, approval and unpublishing: a write carries the version it read (concurrency token).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public StoryState State => Approved ? (HasDraft ? StoryState.PublishedWithDraft : StoryState.Published)
        : PublishedAtUtc is null ? StoryState.Draft : StoryState.Unpublished;

    /// <summary>A new story: a draft, not public until approved.</summary>
    public static Result<ExemplarStory> Create(int nominationId, string? title, string? storyHtml, int? photoId, DateTime nowUtc)
    {
        var story = new ExemplarStory { NominationId = nominationId };
        var edited = story.Edit(title, storyHtml, photoId, nowUtc);
        return edited.IsSuccess ? story : Result<ExemplarStory>.Failure(edited.Errors);
    }

    /// <summary>
    /// Changes the working copy. The published copy (what the public sees) does not change; the story now has a draft.
    /// A null <paramref name="photoId"/> keeps the current photo.
    /// </summary>
    public Result<bool> Edit(string? title, string? storyHtml, int? photoId, DateTime nowUtc)
    {
        var errors = Validate(title, storyHtml);
        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        var newTitle = title!.Trim();
        var changed = newTitle != Title || storyHtml != StoryHtml || (photoId is not null && photoId != PhotoId);
        Title = newTitle;
        StoryHtml = storyHtml!;
        PhotoId = photoId ?? PhotoId;
        if (changed)
        {
            HasDraft = true;
            UpdatedAtUtc = nowUtc;
            Version = Guid.NewGuid();
        }

        return changed;
    }

    /// <summary>
    /// Publishes the working copy: the public sees exactly this text from now on. Refused when there is nothing new to
    /// approve (the story is already public as it is).
    /// </summary>
    public Result<StoryRevision> Approve(string by, DateTime nowUtc)
    {
        if (Approved && !HasDraft)
        {
            return DomainError.Conflict("nothing_to_approve", "Bài viết đang được đăng đúng như bản này, không có thay đổi nào chờ duyệt.");
        }

        var errors = Validate(Title, StoryHtml);
        if (errors.Count > 0)
        {
            return Result<StoryRevision>.Failure(errors);
        }

        Approved = true;
        HasDraft = false;
        PublishedTitle = Title;
        PublishedHtml = StoryHtml;
        PublishedPhotoId = PhotoId;
        ApprovedBy = by;
        PublishedAtUtc = nowUtc;
        UnpublishedReason = null;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return new StoryRevision
        {
            ExemplarStoryId = Id, Story = this, Kind = StoryRevisionKind.Approved, Title = Title, StoryHtml = StoryHtml, PhotoId = PhotoId,
            By = by, AtUtc = nowUtc,
        };
    }

    /// <summary>Takes a published story off the public pages, with a required reason. The text and its history stay.</summary>
    public Result<StoryRevision> Unpublish(string? reason, string by, DateTime nowUtc)
    {
        if (!Approved)
        {
            return DomainError.Conflict("not_published", "Bài viết hiện không được đăng công khai.");
        }

        var why = reason?.Trim() ?? string.Empty;
        if (why.Length < MinReason || why.Length > 1000)
        {
            return DomainError.Invalid("Reason", $"Hãy ghi lý do gỡ bài (từ {MinReason} đến 1.000 ký tự).");
        }

        Approved = false;
        UnpublishedReason = why;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return new StoryRevision
        {
            ExemplarStoryId = Id, Story = this, Kind = StoryRevisionKind.Unpublished, Title = PublishedTitle ?? Title, StoryHtml = PublishedHtml ?? StoryHtml,
            PhotoId = PublishedPhotoId, Reason = why, By = by, AtUtc = nowUtc,
        };
    }

    private static List<DomainError> Validate(string? title, string? storyHtml)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle)
        {
            errors.Add(DomainError.Invalid("Title", $"Hãy đặt tiêu đề (tối đa {MaxTitle} ký tự)."));
        }

        if (string.IsNullOrWhiteSpace(storyHtml) || storyHtml.Length > MaxStory)
        {
            errors.Add(DomainError.Invalid("StoryHtml", "Hãy viết bài giới thiệu (tối đa 50.000 ký tự)."));
        }

        return errors;
    }
}
