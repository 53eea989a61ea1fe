using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.People;
using Exemplars.Domain.Showcase;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 11 point 6, the writes that had no version (ADR 012): an evidence upload takes the dossier's version but does not
/// change it, so parallel uploads against one version all land, and it is either in the version sent or refused; story
/// edits, approvals and unpublishing take the story's version (428 without, 409 stale, one winner among 20).
/// </summary>
public abstract class VersionedWritesTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static byte[] Pdf(string marker) => SampleFiles.Pdf(marker);

    private Task<Guid> VersionOf(int nominationId) => app.WithDb(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Version).SingleAsync());

    private Task<int> OpenDeadline() => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        round.GrassrootsDeadline = Today.AddDays(30);
        return await db.SaveChangesAsync();
    });

    private async Task<int> NewDossier(HttpClient clerk)
    {
        var personId = await app.WithDb(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Code == "CS001");
            var code = "V" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Phan Văn Bản " + code[..4], SearchName = "phan van ban", OrganizationId = organization.Id, IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5" };
            for (var year = 2021; year <= 2024; year++)
            {
                person.Ratings.Add(new PersonRating { Year = year, Rating = Rating.Excellent });
            }

            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>An upload with the version in the form field, in If-Match, or none.</summary>
    private static async Task<HttpResponseMessage> Upload(HttpClient api, int id, string fileName, byte[] content, Guid? version, bool ifMatch = false, string? criterion = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (criterion is not null)
        {
            form.Add(new StringContent(criterion), "criterionCode");
        }

        if (version is { } v && !ifMatch)
        {
            form.Add(new StringContent(v.ToString()), "version");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/nominations/{id}/evidence") { Content = form };
        if (version is { } w && ifMatch)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{w}\""));
        }

        return await api.SendAsync(request);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task An_upload_needs_the_dossier_version_and_twenty_parallel_uploads_against_one_version_all_land()
    {
        await OpenDeadline();
        using var clerk = await app.BearerAs("coso1@demo.vn", sendsReadVersion: false);
        var id = await NewDossier(clerk);
        var version = await VersionOf(id);

        using (var missing = await Upload(clerk, id, "khong-phien-ban.pdf", Pdf("thiếu " + Guid.NewGuid()), null))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
            Assert.Equal("version_required", await CodeOf(missing));
        }

        var contents = Enumerable.Range(1, 20).Select(i => Pdf($"song song {i} {Guid.NewGuid()}")).ToList();
        var responses = await Task.WhenAll(contents.Select((c, i) => Upload(clerk, id, $"minh-chung-{i}.pdf", c, version, ifMatch: i % 2 == 0)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.Equal(20, await app.WithDb(db => db.EvidenceFiles.CountAsync(e => e.NominationId == id)));
        Assert.Equal(version, await VersionOf(id)); // an upload adds a row and leaves the version as it is

        // A removal changes the version: an upload made against the version before it is refused.
        var removedId = await app.WithDb(db => db.EvidenceFiles.Where(e => e.NominationId == id).Select(e => e.Id).FirstAsync());
        using (var removed = await clerk.DeleteAsync($"/api/v1/nominations/{id}/evidence/{removedId}?version={version}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var stale = await Upload(clerk, id, "cu.pdf", Pdf("cũ " + Guid.NewGuid()), version))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("concurrent_edit", await CodeOf(stale));
            Assert.Contains("người khác thay đổi", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(19, await app.WithDb(db => db.EvidenceFiles.CountAsync(e => e.NominationId == id)));
    }

    [Fact]
    public async Task An_upload_racing_the_submission_is_either_in_the_version_sent_or_refused()
    {
        await OpenDeadline();
        using var clerk = await app.BearerAs("coso1@demo.vn", sendsReadVersion: false);
        var id = await NewDossier(clerk);
        using (var saved = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            version = await VersionOf(id), summary = "Hoàn thành xuất sắc nhiệm vụ.", reportHtml = "<p>Báo cáo</p>",
            minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 7, votesAgree = 6, votesDisagree = 1, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var version = await VersionOf(id);
        using (var scan = await Upload(clerk, id, "bien-ban.png", Png, version, criterion: "minutes"))
        using (var evidence = await Upload(clerk, id, "bang-khen.pdf", Pdf("khen " + Guid.NewGuid()), version, criterion: "3.2.5.1"))
        {
            Assert.Equal(HttpStatusCode.Created, scan.StatusCode);
            Assert.Equal(HttpStatusCode.Created, evidence.StatusCode);
        }

        var uploads = Enumerable.Range(1, 20).Select(i => Upload(clerk, id, $"them-{i}.pdf", Pdf($"đua {i} {Guid.NewGuid()}"), version, ifMatch: true)).ToList();
        var submit = clerk.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { version });
        await Task.WhenAll([.. uploads, submit]);

        using (var sent = await submit)
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var accepted = 0;
        foreach (var upload in uploads)
        {
            using var response = await upload;
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            accepted += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
        }

        // Every file the dossier holds is a file the secretariat received, and nothing else was accepted.
        var held = await app.WithDb(db => db.EvidenceFiles.Where(e => e.NominationId == id).Select(e => e.Sha256 + " " + e.FileName).ToListAsync());
        var sentFiles = await app.WithDb(db => db.SentFiles.Where(f => f.Version!.NominationId == id).Select(f => f.Sha256 + " " + f.FileName).ToListAsync());
        Assert.Equal(held.Order(), sentFiles.Order());
        Assert.Equal(2 + accepted, held.Count);
        Assert.Equal(NominationStatus.Submitted, await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
    }

    /// <summary>A commended nomination (a decision awarded it), ready for a story.</summary>
    private Task<int> Commended() => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var key = Guid.NewGuid().ToString("N")[..8];
        var nomination = new Nomination
        {
            RoundId = round.Id, OrganizationId = unit.Id, Kind = NomineeKind.Individual, NomineeKey = "SV:" + key, NomineeName = "Gương phiên bản " + key, CategoryCode = "3.2.5",
            Status = NominationStatus.Submitted, CreatedAtUtc = DateTime.UtcNow, SubmissionCount = 1,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        var decision = new Decision { Issuer = "KT", Year = 2300 + Random.Shared.Next(1, 600), Number = Random.Shared.Next(1, 1_000_000), Type = DocumentType.Decision, Title = "Khen thưởng", Date = new DateOnly(2025, 5, 19), Signer = "X", CreatedBy = "t" };
        decision.Awards.Add(new Award { NominationId = nomination.Id, RecipientName = nomination.NomineeName, AwardType = "Giấy khen" });
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return nomination.Id;
    });

    private static IHtmlFormElement EditForm(IHtmlDocument page, int nominationId) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector($"input[name=NominationId][value='{nominationId}']") is not null);

    private static IHtmlFormElement StoryForm(IHtmlDocument page, int nominationId, string handler) =>
        page.QuerySelector($"[data-testid=story-{nominationId}]")!.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + handler, StringComparison.Ordinal));

    private Task<ExemplarStory> StoryOf(int nominationId) => app.WithDb(db => db.ExemplarStories.AsNoTracking().SingleAsync(s => s.NominationId == nominationId));

    [Fact]
    public async Task Story_edits_approvals_and_unpublishing_take_the_version_and_twenty_parallel_editors_give_one_winner()
    {
        var id = await Commended();
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        using (var created = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", EditForm(page, id), new Dictionary<string, string> { ["Title"] = "Bản đầu", ["StoryHtml"] = "<p>Bản đầu</p>", ["Approve"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var first = await StoryOf(id);
        page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        Assert.Equal(first.Version.ToString(), EditForm(page, id).QuerySelector("input[name=Version]")!.GetAttribute("value"));

        using (var missing = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", EditForm(page, id), new Dictionary<string, string> { ["Version"] = "", ["Title"] = "Không phiên bản", ["StoryHtml"] = "<p>x</p>", ["Approve"] = "false" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
            Assert.Contains("Thiếu phiên bản", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // 20 editors holding the same version: one saves, the others are told someone changed it first.
        var form = EditForm(page, id);
        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            using var response = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", form, new Dictionary<string, string> { ["Title"] = $"Bản của người thứ {i}", ["StoryHtml"] = $"<p>Người thứ {i}</p>", ["Approve"] = "false" });
            return (i, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(results.Where(r => r.i != winner.i), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("vừa được người khác sửa", r.Body, StringComparison.Ordinal);
        });
        var edited = await StoryOf(id);
        Assert.Equal($"Bản của người thứ {winner.i}", edited.Title);
        Assert.Equal("Bản đầu", edited.PublishedTitle);
        Assert.NotEqual(first.Version, edited.Version);

        // The old page's approve form carries the first version: stale.
        using (var stale = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", StoryForm(await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage"), id, "Approve"), new Dictionary<string, string> { ["version"] = first.Version.ToString() }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Equal("Bản đầu", (await StoryOf(id)).PublishedTitle);

        // 20 parallel approvals of the same version: one publishes, one revision is kept.
        page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        var approve = StoryForm(page, id, "Approve");
        var approvals = await Task.WhenAll(Enumerable.Range(1, 20).Select(async _ =>
        {
            using var response = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", approve, new Dictionary<string, string>());
            return response.StatusCode;
        }));
        Assert.Single(approvals, s => s == HttpStatusCode.Redirect);
        Assert.All(approvals.Where(s => s != HttpStatusCode.Redirect), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal($"Bản của người thứ {winner.i}", (await StoryOf(id)).PublishedTitle);

        // 20 parallel unpublishings of the same version: one takes the story off, one reason is kept.
        page = await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage");
        var unpublish = StoryForm(page, id, "Unpublish");
        var removals = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            using var response = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", unpublish, new Dictionary<string, string> { ["reason"] = $"Lý do gỡ thứ {i} của thử nghiệm." });
            return response.StatusCode;
        }));
        Assert.Single(removals, s => s == HttpStatusCode.Redirect);
        Assert.All(removals.Where(s => s != HttpStatusCode.Redirect), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var storyId = (await StoryOf(id)).Id;
        var kinds = await app.WithDb(db => db.StoryRevisions.Where(r => r.ExemplarStoryId == storyId).OrderBy(r => r.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([StoryRevisionKind.Approved, StoryRevisionKind.Approved, StoryRevisionKind.Unpublished], kinds);

        using (var noVersion = await Forms.SubmitAsync(secretariat, "/Showcase/Manage", StoryForm(await Forms.GetDocumentAsync(secretariat, "/Showcase/Manage"), id, "Approve"), new Dictionary<string, string> { ["version"] = "" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class VersionedWritesTests_Sqlite(SqliteAppFactory app) : VersionedWritesTests(app);

[Collection(PostgresApp.Name)]
public sealed class VersionedWritesTests_Postgres(PostgresAppFactory app) : VersionedWritesTests(app);
