using AngleSharp.Html.Dom;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Showcase;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>Showcase stories: drafts over published text, approval, unpublishing with a reason, history, photos apart from evidence.</summary>
public abstract class StoriesTests(AppFactory app)
{
    private static readonly byte[] Png = SampleFiles.Png();

    /// <summary>A commended nomination (a decision awarded it), ready for a story.</summary>
    private Task<(int Id, string Name)> Commended() => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var key = Guid.NewGuid().ToString("N")[..8];
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Individual, NomineeKey = "S:" + key, NomineeName = "Gương " + key, CategoryCode = "3.2.5",
            Status = NominationStatus.Submitted, CreatedAtUtc = DateTime.UtcNow, SubmissionCount = 1,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        var decision = new Decision { Issuer = "KT", Year = 2300 + Random.Shared.Next(1, 600), Number = Random.Shared.Next(1, 1_000_000), Type = DocumentType.Decision, Title = "Khen thưởng", Date = new DateOnly(2025, 5, 19), Signer = "X", CreatedBy = "t" };
        decision.Awards.Add(new Award { NominationId = nomination.Id, RecipientName = nomination.NomineeName, AwardType = "Giấy khen" });
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return (nomination.Id, nomination.NomineeName);
    });

    private static IHtmlFormElement EditForm(IHtmlDocument page, int nominationId) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector($"input[name=NominationId][value='{nominationId}']") is not null);

    private static IHtmlFormElement StoryForm(IHtmlDocument page, int nominationId, string handler) =>
        page.QuerySelector($"[data-testid=story-{nominationId}]")!.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + handler, StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> Save(HttpClient secretariat, int nominationId, string title, string html, bool approve, byte[]? photo = null)
    {
        var page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        return await Forms.SubmitAsync(secretariat, "/Showcase/Manage", EditForm(page, nominationId),
            new Dictionary<string, string> { ["Title"] = title, ["StoryHtml"] = html, ["Approve"] = approve ? "true" : "false" },
            photo is null ? null : ("photo", "anh.png", photo));
    }

    [Fact]
    public async Task An_edit_to_a_published_story_stays_a_draft_until_approved_and_history_is_kept()
    {
        var (id, name) = await Commended();
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        using var anonymous = app.CreateClient();
        using (var first = await Save(secretariat, id, "Bản đầu tiên", "<p>Nội dung <strong>đã duyệt</strong></p>", approve: true, Png))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var storyId = await app.WithDb(db => db.ExemplarStories.Where(s => s.NominationId == id).Select(s => s.Id).SingleAsync());
        Assert.Contains("Nội dung <strong>đã duyệt</strong>", await anonymous.GetStringAsync($"/Showcase/Details/{storyId}"), StringComparison.Ordinal);

        using (var edit = await Save(secretariat, id, "Bản sửa", "<p>Nội dung CHƯA duyệt</p>", approve: false))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        var publicPage = await anonymous.GetStringAsync($"/Showcase/Details/{storyId}");
        Assert.Contains("Nội dung <strong>đã duyệt</strong>", publicPage, StringComparison.Ordinal); // the public keeps the approved text
        Assert.DoesNotContain("CHƯA duyệt", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("CHƯA duyệt", await anonymous.GetStringAsync("/showcase/feed.atom"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bản sửa", await anonymous.GetStringAsync("/api/v1/exemplars?search=ban%20sua"), StringComparison.Ordinal);
        var manage = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        Assert.Equal(StoryState.PublishedWithDraft.Label(), manage.QuerySelector($"[data-testid=story-{id}] [data-testid=state]")!.TextContent);

        using (var approve = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", StoryForm(manage, id, "Approve"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        Assert.Contains("Nội dung CHƯA duyệt", await anonymous.GetStringAsync($"/Showcase/Details/{storyId}"), StringComparison.Ordinal);
        var history = await app.WithDb(db => db.StoryRevisions.Where(r => r.ExemplarStoryId == storyId).OrderBy(r => r.Id).Select(r => new { r.Kind, r.Title, r.By }).ToListAsync());
        Assert.Equal([(StoryRevisionKind.Approved, "Bản đầu tiên"), (StoryRevisionKind.Approved, "Bản sửa")], history.Select(h => (h.Kind, h.Title)));
        Assert.All(history, h => Assert.Equal("tgdv@demo.vn", h.By));
        manage = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        Assert.Contains("Bản đầu tiên", manage.QuerySelector($"[data-testid=story-{id}] [data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, manage.QuerySelector($"[data-testid=story-{id}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_is_unpublished_only_with_a_reason_and_the_reason_is_kept()
    {
        var (id, _) = await Commended();
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        using var anonymous = app.CreateClient();
        using (var first = await Save(secretariat, id, "Sẽ gỡ", "<p>Bài sẽ gỡ</p>", approve: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var storyId = await app.WithDb(db => db.ExemplarStories.Where(s => s.NominationId == id).Select(s => s.Id).SingleAsync());
        var manage = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        using (var noReason = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", StoryForm(manage, id, "Unpublish"), new Dictionary<string, string> { ["reason"] = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("lý do gỡ bài", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Showcase/Details/{storyId}")).StatusCode);
        using (var gone = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", StoryForm(manage, id, "Unpublish"), new Dictionary<string, string> { ["reason"] = "Đơn vị đề nghị cập nhật số liệu." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Showcase/Details/{storyId}")).StatusCode);
        Assert.DoesNotContain("Bài sẽ gỡ", await anonymous.GetStringAsync("/showcase/feed.atom"), StringComparison.Ordinal);
        var revision = await app.WithDb(db => db.StoryRevisions.Where(r => r.ExemplarStoryId == storyId).OrderBy(r => r.Id).LastAsync());
        Assert.Equal((StoryRevisionKind.Unpublished, "Đơn vị đề nghị cập nhật số liệu."), (revision.Kind, revision.Reason));
        manage = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        Assert.Contains("Đơn vị đề nghị cập nhật số liệu.", manage.QuerySelector($"[data-testid=story-{id}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Showcase_photos_are_kept_apart_from_dossier_evidence()
    {
        var (id, _) = await Commended();
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        using (var saved = await Save(secretariat, id, "Có ảnh", "<p>Ảnh riêng</p>", approve: true, Png))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var story = await app.WithDb(db => db.ExemplarStories.SingleAsync(s => s.NominationId == id));
        Assert.Empty(await app.WithDb(db => db.EvidenceFiles.Where(e => e.NominationId == id).ToListAsync()));
        var photo = await app.WithDb(db => db.ShowcasePhotos.SingleAsync(p => p.Id == story.PublishedPhotoId));
        Assert.Equal(("image/png", "tgdv@demo.vn"), (photo.ContentType, photo.UploadedBy));
        using var anonymous = app.CreateClient();
        Assert.Equal(Png, await anonymous.GetByteArrayAsync($"/showcase/photo/{story.Id}"));
    }
}

[Collection(SqliteApp.Name)]
public sealed class StoriesTests_Sqlite(SqliteAppFactory app) : StoriesTests(app);

[Collection(PostgresApp.Name)]
public sealed class StoriesTests_Postgres(PostgresAppFactory app) : StoriesTests(app);
