using Exemplars.Domain.Common;
using Exemplars.Domain.Showcase;

namespace Exemplars.Domain.Tests;

public sealed class ShowcaseStoryRulesTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    private static ExemplarStory Published()
    {
        var story = ExemplarStory.Create(7, "Người thắp lửa", "<p>Bản một</p>", 11, T0).Value;
        Assert.True(story.Approve("tgdv@demo.vn", T0.AddHours(1)).IsSuccess);
        return story;
    }

    [Fact]
    public void A_new_story_is_a_draft_that_the_public_does_not_see()
    {
        var story = ExemplarStory.Create(7, " Người thắp lửa ", "<p>Bản một</p>", null, T0).Value;
        Assert.Equal(StoryState.Draft, story.State);
        Assert.False(story.Approved);
        Assert.Null(story.PublishedHtml);
        Assert.Equal("Người thắp lửa", story.Title);
    }

    [Fact]
    public void A_story_needs_a_title_and_a_text_within_limits()
    {
        var missing = ExemplarStory.Create(7, " ", "", null, T0);
        Assert.Equal(["Title", "StoryHtml"], missing.Errors.Select(e => e.Field));
        Assert.False(ExemplarStory.Create(7, new string('a', 301), "<p>x</p>", null, T0).IsSuccess);
        Assert.False(ExemplarStory.Create(7, "x", new string('a', 50_001), null, T0).IsSuccess);
    }

    [Fact]
    public void Approving_publishes_exactly_the_working_copy_and_records_a_revision()
    {
        var story = ExemplarStory.Create(7, "Người thắp lửa", "<p>Bản một</p>", 11, T0).Value;
        var revision = story.Approve("tgdv@demo.vn", T0.AddHours(1)).Value;
        Assert.Equal(StoryState.Published, story.State);
        Assert.Equal(("Người thắp lửa", "<p>Bản một</p>", (int?)11), (story.PublishedTitle, story.PublishedHtml, story.PublishedPhotoId));
        Assert.Equal((StoryRevisionKind.Approved, "<p>Bản một</p>", "tgdv@demo.vn", T0.AddHours(1)), (revision.Kind, revision.StoryHtml, revision.By, revision.AtUtc));
        Assert.Same(story, revision.Story);
    }

    [Fact]
    public void An_edit_to_a_published_story_is_a_draft_until_approved_again()
    {
        var story = Published();
        Assert.True(story.Edit("Người thắp lửa số", "<p>Bản hai</p>", 12, T0.AddDays(1)).Value);
        Assert.Equal(StoryState.PublishedWithDraft, story.State);
        Assert.True(story.Approved); // the public still sees …
        Assert.Equal(("Người thắp lửa", "<p>Bản một</p>", (int?)11), (story.PublishedTitle, story.PublishedHtml, story.PublishedPhotoId)); // … the approved copy
        Assert.Equal("<p>Bản hai</p>", story.StoryHtml);

        story.Approve("tgdv@demo.vn", T0.AddDays(2));
        Assert.Equal(StoryState.Published, story.State);
        Assert.Equal(("Người thắp lửa số", "<p>Bản hai</p>", (int?)12), (story.PublishedTitle, story.PublishedHtml, story.PublishedPhotoId));
    }

    [Fact]
    public void Saving_the_same_text_again_changes_nothing_and_there_is_nothing_to_approve()
    {
        var story = Published();
        Assert.False(story.Edit("Người thắp lửa", "<p>Bản một</p>", null, T0.AddDays(1)).Value);
        Assert.Equal(StoryState.Published, story.State);
        var again = story.Approve("tgdv@demo.vn", T0.AddDays(1));
        Assert.Equal("nothing_to_approve", again.Errors.Single().Code);
    }

    [Fact]
    public void An_edit_keeps_the_photo_unless_a_new_one_is_given()
    {
        var story = Published();
        story.Edit("Người thắp lửa", "<p>Bản hai</p>", null, T0.AddDays(1));
        Assert.Equal(11, story.PhotoId);
    }

    [Fact]
    public void An_invalid_edit_changes_nothing()
    {
        var story = Published();
        Assert.False(story.Edit("", "<p>Bản hai</p>", 12, T0.AddDays(1)).IsSuccess);
        Assert.Equal(("Người thắp lửa", "<p>Bản một</p>", (int?)11, StoryState.Published), (story.Title, story.StoryHtml, story.PhotoId, story.State));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ngắn   ")]
    public void Unpublishing_needs_a_reason(string? reason)
    {
        var story = Published();
        var refused = story.Unpublish(reason, "tgdv@demo.vn", T0.AddDays(1));
        Assert.Equal(("Reason", ErrorKind.Validation), (refused.Errors.Single().Field, refused.Errors.Single().Kind));
        Assert.True(story.Approved);
    }

    [Fact]
    public void Unpublishing_takes_the_story_off_with_its_reason_and_it_can_be_published_again()
    {
        var story = Published();
        var revision = story.Unpublish("  Nhân vật đề nghị tạm gỡ để cập nhật.  ", "tgdv@demo.vn", T0.AddDays(1)).Value;
        Assert.Equal(StoryState.Unpublished, story.State);
        Assert.False(story.Approved);
        Assert.Equal((StoryRevisionKind.Unpublished, "Nhân vật đề nghị tạm gỡ để cập nhật.", "<p>Bản một</p>"), (revision.Kind, revision.Reason, revision.StoryHtml));
        Assert.Equal("Nhân vật đề nghị tạm gỡ để cập nhật.", story.UnpublishedReason);
        Assert.Equal("not_published", story.Unpublish("Một lý do đủ dài nữa.", "x", T0.AddDays(2)).Errors.Single().Code);

        Assert.True(story.Approve("tgdv@demo.vn", T0.AddDays(3)).IsSuccess); // published again, without any change
        Assert.Equal(StoryState.Published, story.State);
        Assert.Null(story.UnpublishedReason);
    }

    [Fact]
    public void A_draft_cannot_be_unpublished()
    {
        var story = ExemplarStory.Create(7, "Tiêu đề", "<p>x</p>", null, T0).Value;
        Assert.Equal("not_published", story.Unpublish("Một lý do đủ dài.", "x", T0).Errors.Single().Code);
    }
}
