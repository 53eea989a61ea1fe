using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>The page listing a dossier's sent versions and the exact files each sent, with scope-checked downloads.</summary>
public abstract class SentFilesPageTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static async Task Upload(HttpClient api, int id, string fileName, byte[] content, string criterion)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(criterion), "criterionCode");
        using var response = await api.PostAsync($"/api/v1/nominations/{id}/evidence", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_sent_files_page_lists_each_version_and_downloads_the_exact_bytes_sent_to_the_unit_and_secretariat_only()
    {
        await app.WithDb(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
            round.GrassrootsDeadline = Today.AddDays(30);
            return await db.SaveChangesAsync();
        });
        var personId = await app.WithDb(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Code == "CS001");
            var code = "G" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Trần Văn Gửi " + code[..4], SearchName = "tran van gui", OrganizationId = organization.Id, IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5" };
            person.Ratings.AddRange(Enumerable.Range(2021, 4).Select(y => new PersonRating { Year = y, Rating = Rating.Excellent }));
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var clerkApi = await app.BearerAs("coso1@demo.vn");
        using var secretariatApi = await app.BearerAs("tgdv@demo.vn");
        using var created = await clerkApi.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        using (var saved = await clerkApi.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Hoàn thành xuất sắc nhiệm vụ.", minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 7, votesAgree = 6, votesDisagree = 1, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var evidence = SampleFiles.Pdf($"gửi {Guid.NewGuid()}");
        await Upload(clerkApi, id, "bien-ban.png", Png, "minutes");
        await Upload(clerkApi, id, "bang-khen.pdf", evidence, "3.2.5.1");
        using (var sent = await clerkApi.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using (var returned = await secretariatApi.PostAsJsonAsync($"/api/v1/nominations/{id}/return", new { reason = "Bổ sung bằng khen bản rõ hơn." }))
        {
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        }

        // The unit removes the file from the returned dossier: what was sent stays openable, byte for byte.
        var (fileId, version) = await app.WithDb(async db => (
            await db.EvidenceFiles.Where(e => e.NominationId == id && e.CriterionCode == "3.2.5.1").Select(e => e.Id).SingleAsync(),
            await db.Nominations.Where(n => n.Id == id).Select(n => n.Version).SingleAsync()));
        using (var removed = await clerkApi.DeleteAsync($"/api/v1/nominations/{id}/evidence/{fileId}?version={version}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        var clerk = await app.SignedInAs("coso1@demo.vn");
        var details = await Forms.GetDocumentAsync(clerk, $"/Nominations/Details/{id}");
        Assert.Equal($"/Nominations/SentFiles/{id}", details.QuerySelector("[data-testid=sent-files-link]")!.GetAttribute("href"));

        foreach (var reader in new[] { clerk, await app.SignedInAs("tgdv@demo.vn") })
        {
            var page = await Forms.GetDocumentAsync(reader, $"/Nominations/SentFiles/{id}");
            var version1 = page.QuerySelector("[data-testid=version-1]")!;
            Assert.Contains("Lần gửi thứ 1", version1.TextContent, StringComparison.Ordinal);
            var link = version1.QuerySelectorAll("a[data-testid=sent-file]").Single(a => a.TextContent == "bang-khen.pdf");
            Assert.Equal(evidence, await reader.GetByteArrayAsync(link.GetAttribute("href")));

            // The hash is there only behind the "Mã kiểm tra" toggle.
            var sha = Convert.ToHexStringLower(SHA256.HashData(evidence));
            Assert.Equal(sha, link.ParentElement!.QuerySelector("details code")!.TextContent);
            Assert.Equal("Mã kiểm tra", link.ParentElement!.QuerySelector("details summary")!.TextContent);
            Assert.DoesNotContain(sha, page.Body!.TextContent.Replace(link.ParentElement!.QuerySelector("details")!.TextContent, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // A clerk of another unit sees neither the page nor a file.
        var sentFileId = await app.WithDb(db => db.SentFiles.Where(f => f.Version!.NominationId == id && f.FileName == "bang-khen.pdf").Select(f => f.Id).SingleAsync());
        var other = await app.SignedInAs("coso2@demo.vn");
        using (var page = await other.GetAsync($"/Nominations/SentFiles/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        using (var file = await other.GetAsync($"/Nominations/SentFiles/{id}?handler=File&fileId={sentFileId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class SentFilesPageTests_Sqlite(SqliteAppFactory app) : SentFilesPageTests(app);

[Collection(PostgresApp.Name)]
public sealed class SentFilesPageTests_Postgres(PostgresAppFactory app) : SentFilesPageTests(app);
