using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Files;
using Exemplars.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>The content-addressed file store: parallel uploads, bytes stored once, sent versions keep their bytes, the sweeper.</summary>
public abstract class FilesTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly byte[] Png = SampleFiles.Png();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private static byte[] Pdf(string marker) => SampleFiles.Pdf(marker);

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private IFileStore Store => app.Services.GetRequiredService<IFileStore>();

    private async Task<SweepFiles.Swept> Sweep(TimeSpan grace)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SweepFiles.Handler>().Handle(grace, CancellationToken.None);
    }

    private Task<int> SetDeadline(DateOnly deadline) => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        round.GrassrootsDeadline = deadline;
        return await db.SaveChangesAsync();
    });

    private Task<Guid> VersionOf(int nominationId) => app.WithDb(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Version).SingleAsync());

    private async Task<int> NewDossier(HttpClient clerk)
    {
        var personId = await app.WithDb(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Code == "CS001");
            var code = "F" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Lê Văn Tệp " + code[..4], SearchName = "le van tep", OrganizationId = organization.Id, IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5" };
            for (var year = 2021; year <= 2024; year++)
            {
                person.Ratings.Add(new PersonRating { Year = year, Rating = year < 2023 ? Rating.Excellent : Rating.Good });
            }

            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient api, int id, string fileName, byte[] content, string? criterion = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (criterion is not null)
        {
            form.Add(new StringContent(criterion), "criterionCode");
        }

        return await api.PostAsync($"/api/v1/nominations/{id}/evidence", form);
    }

    [Fact]
    public async Task Twenty_parallel_uploads_to_one_dossier_all_land_with_no_orphan()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await NewDossier(clerk);
        var contents = Enumerable.Range(1, 20).Select(i => Pdf($"song song {i} {Guid.NewGuid()}")).ToList();

        var responses = await Task.WhenAll(contents.Select((c, i) => Upload(clerk, id, $"minh-chung-{i}.pdf", c)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var r in responses)
        {
            r.Dispose();
        }

        var rows = await app.WithDb(db => db.EvidenceFiles.Where(e => e.NominationId == id).Select(e => new { e.Sha256, e.StoragePath }).ToListAsync());
        Assert.Equal(contents.Select(Sha).Order(), rows.Select(r => r.Sha256).Order());
        Assert.All(rows, r => Assert.Equal(FileStorage.AddressOf(r.Sha256), r.StoragePath));
        Assert.All(contents, c => Assert.True(Store.Exists(FileStorage.AddressOf(Sha(c)))));
        Assert.Empty(Store.ListTemporary());
        var onDisk = Store.ListBlobs().Select(b => b.Address).ToHashSet();
        var referenced = (await app.WithDb(db => db.EvidenceFiles.Select(e => e.StoragePath).ToListAsync())).ToHashSet();
        Assert.Subset(onDisk, rows.Select(r => r.StoragePath).ToHashSet());
        Assert.Subset(referenced, rows.Select(r => r.StoragePath).ToHashSet());
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_are_stored_once_and_survive_while_one_reference_remains()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var first = await NewDossier(clerk);
        var second = await NewDossier(clerk);
        var content = Pdf("dùng chung " + Guid.NewGuid());
        using (var a = await Upload(clerk, first, "a.pdf", content))
        using (var b = await Upload(clerk, second, "b.pdf", content))
        {
            Assert.Equal(HttpStatusCode.Created, a.StatusCode);
            Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        }

        var address = FileStorage.AddressOf(Sha(content));
        Assert.Single(Store.ListBlobs(), blob => blob.Address == address);
        var rows = await app.WithDb(db => db.EvidenceFiles.Where(e => e.StoragePath == address).OrderBy(e => e.Id).Select(e => new { e.Id, e.NominationId }).ToListAsync());
        Assert.Equal([first, second], rows.Select(r => r.NominationId));

        using (var removed = await clerk.DeleteAsync($"/api/v1/nominations/{first}/evidence/{rows[0].Id}?version={await VersionOf(first)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await Sweep(TimeSpan.Zero);
        Assert.True(Store.Exists(address)); // the second dossier still holds the bytes

        using (var deleted = await clerk.DeleteAsync($"/api/v1/nominations/{second}?version={await VersionOf(second)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.True(Store.Exists(address)); // deleting a draft leaves shared bytes to the sweeper …
        await Sweep(TimeSpan.FromHours(1));
        Assert.True(Store.Exists(address)); // … which keeps bytes stored within the grace period …
        await Sweep(TimeSpan.Zero);
        Assert.False(Store.Exists(address)); // … and removes them once nothing references them
    }

    [Fact]
    public async Task A_sent_version_keeps_the_exact_bytes_it_sent_after_the_file_is_removed_from_the_returned_dossier()
    {
        await SetDeadline(Today.AddDays(30));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var id = await NewDossier(clerk);
        using (var saved = await clerk.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            summary = "Hoàn thành xuất sắc nhiệm vụ.", reportHtml = "<p>Báo cáo</p>",
            minutesDate = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            membersTotal = 9, membersPresent = 7, votesAgree = 6, votesDisagree = 1, votesAbstain = 0, familyLawAttested = true,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var evidence = Pdf("đã gửi " + Guid.NewGuid());
        using (var scan = await Upload(clerk, id, "bien-ban.png", Png, "minutes"))
        using (var upload = await Upload(clerk, id, "bang-khen.pdf", evidence, "3.2.5.1"))
        {
            Assert.Equal(HttpStatusCode.Created, scan.StatusCode);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        using (var sent = await clerk.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using (var returned = await secretariat.PostAsJsonAsync($"/api/v1/nominations/{id}/return", new { reason = "Bổ sung bằng khen bản rõ hơn." }))
        {
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        }

        var fileId = await app.WithDb(db => db.EvidenceFiles.Where(e => e.NominationId == id && e.CriterionCode == "3.2.5.1").Select(e => e.Id).SingleAsync());
        using (var removed = await clerk.DeleteAsync($"/api/v1/nominations/{id}/evidence/{fileId}?version={await VersionOf(id)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await Sweep(TimeSpan.Zero);

        var sentFiles = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{id}/sent-files");
        var sentFile = sentFiles.EnumerateArray().Single(f => f.GetProperty("fileName").GetString() == "bang-khen.pdf");
        Assert.Equal(1, sentFile.GetProperty("versionNumber").GetInt32());
        Assert.Equal(Sha(evidence), sentFile.GetProperty("sha256").GetString());
        var bytes = await secretariat.GetByteArrayAsync($"/api/v1/nominations/{id}/sent-files/{sentFile.GetProperty("id").GetInt32()}");
        Assert.Equal(evidence, bytes);

        using var otherUnit = await app.BearerAs("coso2@demo.vn");
        using var refused = await otherUnit.GetAsync($"/api/v1/nominations/{id}/sent-files/{sentFile.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task The_sweeper_removes_only_unreferenced_bytes_and_stale_temporary_uploads()
    {
        var stray = Pdf("không ai dùng " + Guid.NewGuid());
        var blob = await Store.PutAsync(stray, CancellationToken.None);
        var storageRoot = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:Path"]!;
        var temporary = Path.Combine(storageRoot, FileStorage.BlobFolder, "ab", ".upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        await File.WriteAllBytesAsync(temporary, [1, 2, 3]);

        var referencedBefore = (await app.WithDb(db => db.EvidenceFiles.Select(e => e.StoragePath).ToListAsync()))
            .Where(FileStorage.IsContentAddressed).Where(Store.Exists).ToList();

        await Sweep(TimeSpan.FromHours(1));
        Assert.True(Store.Exists(blob.Address)); // just uploaded: within the grace period
        Assert.True(File.Exists(temporary));

        var swept = await Sweep(TimeSpan.Zero);
        Assert.False(Store.Exists(blob.Address));
        Assert.False(File.Exists(temporary));
        Assert.True(swept.Removed >= 1 && swept.TemporaryRemoved >= 1);
        Assert.All(referencedBefore, path => Assert.True(Store.Exists(path)));
    }
}

[Collection(SqliteApp.Name)]
public sealed class FilesTests_Sqlite(SqliteAppFactory app) : FilesTests(app);

[Collection(PostgresApp.Name)]
public sealed class FilesTests_Postgres(PostgresAppFactory app) : FilesTests(app);
