using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Files;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// The file store in the database (<c>Storage:Backend</c> = <c>Database</c>, issue 18 point 3): every instance on the
/// database reaches every file, files are read part by part, parallel puts keep one copy, the sweeper works on it, and
/// <c>files-move</c> copies a folder store into it and back.
/// </summary>
public abstract class DatabaseFilesTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private IFileStore Store => app.Services.GetRequiredService<IFileStore>();

    private FileStorage Folder => app.Services.GetRequiredService<FileStorage>();

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        System.Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private Task<int> PartRows(string address) => app.WithDb(db => db.Set<StoredFilePart>().CountAsync(p => p.Address == address));

    private async Task<SweepFiles.Swept> Sweep(TimeSpan grace)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SweepFiles.Handler>().Handle(grace, CancellationToken.None);
    }

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private async Task<int> NewDossier(AppFactory on, HttpClient clerk)
    {
        await on.WithDb(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
            round.GrassrootsDeadline = Today.AddDays(30);
            return await db.SaveChangesAsync();
        });
        var personId = await on.WithDb(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Code == "CS001");
            var code = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Trần Thị Kho " + code[..4], SearchName = "tran thi kho", OrganizationId = organization.Id, IsPartyMember = true, PartyJoinYear = 2011, FieldCategoryCode = "3.2.5" };
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

    /// <summary>Uploads evidence through the API; the new file's id.</summary>
    private static async Task<int> Upload(HttpClient api, int id, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        using var response = await api.PostAsync($"/api/v1/nominations/{id}/evidence", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>Downloads evidence through the dossier page (scope checked), as a signed-in clerk does.</summary>
    private static async Task<byte[]> Download(AppFactory on, int id, int fileId)
    {
        var clerk = await on.SignedInAs("coso1@demo.vn");
        using var response = await clerk.GetAsync($"/Nominations/Details/{id}?handler=File&fileId={fileId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private bool InFolder(string address) => File.Exists(Path.Combine(app.StoragePath, address));

    [Fact]
    public async Task A_file_of_several_parts_round_trips_and_is_read_one_part_at_a_time()
    {
        Assert.IsType<DatabaseFileStore>(Store);
        var content = Random((DatabaseFileStore.PartSize * 4) + 12_345);
        var blob = await Store.PutAsync(content, CancellationToken.None);

        Assert.Equal(FileStorage.AddressOf(Sha(content)), blob.Address);
        Assert.Equal(5, await PartRows(blob.Address));
        Assert.False(InFolder(blob.Address)); // nothing on the local disk
        await using (var stream = Assert.IsType<DatabaseFileStream>(Store.Open(blob.Address)))
        {
            Assert.Equal(content.Length, stream.Length);
            var head = new byte[10];
            Assert.Equal(10, await stream.ReadAsync(head));
            Assert.Equal(content[..10], head);
            Assert.Equal(1, stream.PartsRead); // the first bytes fetched the first part only

            stream.Position = (DatabaseFileStore.PartSize * 3) + 7;
            var middle = new byte[100];
            Assert.Equal(100, stream.Read(middle, 0, 100)); // the synchronous path, after a seek
            Assert.Equal(content.AsSpan((DatabaseFileStore.PartSize * 3) + 7, 100).ToArray(), middle);
            Assert.Equal(2, stream.PartsRead);

            stream.Position = 0;
            Assert.Equal(content, await ReadAll(stream));
            Assert.Equal(7, stream.PartsRead); // 2 so far, then each of the 5 parts once in order
        }

        Assert.True(Store.Exists(blob.Address));
        Assert.NotNull(Store.TouchedAtUtc(blob.Address));
        Assert.Contains(Store.ListBlobs(), b => b.Address == blob.Address);
        Assert.Empty(Store.ListTemporary());
        Assert.Throws<FileNotFoundException>(() => Store.Open(FileStorage.AddressOf(Sha([1, 2, 3]))));

        var empty = await Store.PutAsync([], CancellationToken.None);
        await using var none = Store.Open(empty.Address);
        Assert.Empty(await ReadAll(none));
    }

    [Fact]
    public async Task The_readiness_probe_checks_the_database_store_and_leaves_nothing_behind()
    {
        var before = await app.WithDb(db => db.StoredFiles.CountAsync());
        using var client = app.NewClient();
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(await Store.ProbeAsync(CancellationToken.None));
        Assert.Equal(before, await app.WithDb(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Parallel_puts_of_the_same_bytes_end_with_one_copy()
    {
        var content = Random((DatabaseFileStore.PartSize * 2) + 99);
        var blobs = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Store.PutAsync(content, CancellationToken.None))));

        Assert.Single(blobs.Select(b => b.Address).Distinct());
        var address = blobs[0].Address;
        Assert.Equal(1, await app.WithDb(db => db.StoredFiles.CountAsync(f => f.Address == address)));
        Assert.Equal(3, await PartRows(address));
        var row = await app.WithDb(db => db.StoredFiles.SingleAsync(f => f.Address == address));
        Assert.Equal(Sha(content), row.Sha256);
        Assert.Equal(content.Length, row.Size);
        await using var stream = Store.Open(address);
        Assert.Equal(content, await ReadAll(stream));
    }

    [Fact]
    public async Task An_upload_through_the_api_is_kept_in_the_database_and_downloads_byte_for_byte()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await NewDossier(app, clerk);
        var content = SampleFiles.Pdf("kho trong cơ sở dữ liệu " + Guid.NewGuid(), padTo: (DatabaseFileStore.PartSize * 2) + 5_000);
        var fileId = await Upload(clerk, id, "minh-chung-lon.pdf", content);

        var address = await app.WithDb(db => db.EvidenceFiles.Where(e => e.Id == fileId).Select(e => e.StoragePath).SingleAsync());
        Assert.Equal(FileStorage.AddressOf(Sha(content)), address);
        Assert.False(InFolder(address));
        Assert.Equal(3, await PartRows(address));
        Assert.Equal(content, await Download(app, id, fileId));
    }

    [Fact]
    public async Task A_file_stored_by_one_instance_opens_from_another_with_its_own_folder()
    {
        var second = new SecondInstance(app, new Dictionary<string, string> { ["Storage:Backend"] = "Database" });
        try
        {
            Assert.NotEqual(app.StoragePath, second.StoragePath);
            using var clerkOnFirst = await app.BearerAs("coso1@demo.vn");
            var id = await NewDossier(app, clerkOnFirst);
            var fromFirst = SampleFiles.Pdf("tải lên ở máy A " + Guid.NewGuid(), padTo: DatabaseFileStore.PartSize + 1_000);
            var firstFileId = await Upload(clerkOnFirst, id, "may-a.pdf", fromFirst);

            Assert.Equal(fromFirst, await Download(second, id, firstFileId)); // the other instance reads it

            using var clerkOnSecond = await second.BearerAs("coso1@demo.vn");
            var fromSecond = SampleFiles.Pdf("tải lên ở máy B " + Guid.NewGuid());
            var secondFileId = await Upload(clerkOnSecond, id, "may-b.pdf", fromSecond);
            Assert.Equal(fromSecond, await Download(app, id, secondFileId)); // and the first reads what the other stored

            Assert.True(!Directory.Exists(second.StoragePath) || !Directory.EnumerateFiles(second.StoragePath, "*", SearchOption.AllDirectories).Any()); // neither went to a local folder
            Assert.False(InFolder(FileStorage.AddressOf(Sha(fromFirst))));
        }
        finally
        {
            await second.DisposeAsync();
            if (Directory.Exists(second.StoragePath))
            {
                Directory.Delete(second.StoragePath, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_sweeper_removes_unreferenced_files_from_the_database_and_keeps_referenced_ones()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var id = await NewDossier(app, clerk);
        var kept = SampleFiles.Pdf("còn dùng " + Guid.NewGuid());
        await Upload(clerk, id, "con-dung.pdf", kept);
        var stray = await Store.PutAsync(Random(DatabaseFileStore.PartSize + 10), CancellationToken.None);

        await Sweep(TimeSpan.FromHours(1));
        Assert.True(Store.Exists(stray.Address)); // within the grace period

        var swept = await Sweep(TimeSpan.Zero);
        Assert.True(swept.Removed >= 1);
        Assert.False(Store.Exists(stray.Address));
        Assert.Equal(0, await PartRows(stray.Address)); // its parts went with it
        Assert.True(Store.Exists(FileStorage.AddressOf(Sha(kept))));
        var referenced = await app.WithDb(db => db.EvidenceFiles.Select(e => e.StoragePath).Distinct().ToListAsync());
        Assert.All(referenced.Where(FileStorage.IsContentAddressed), address => Assert.True(Store.Exists(address), address));
    }

    [Fact]
    public async Task Moving_a_folder_store_to_the_database_and_back_keeps_every_address_byte_for_byte()
    {
        var mover = app.Services.GetRequiredService<FileMove>();
        var database = app.Services.GetRequiredService<DatabaseFileStore>();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var big = Random((DatabaseFileStore.PartSize * 3) + 1);
        files[(await Folder.PutAsync(big, CancellationToken.None)).Address] = big;
        var small = Random(1_000);
        files[(await Folder.PutAsync(small, CancellationToken.None)).Address] = small;
        var legacy = $"2025-03/{Guid.NewGuid():N}.bin";
        files[legacy] = Random(70_000);
        Directory.CreateDirectory(Path.Combine(app.StoragePath, "2025-03"));
        await File.WriteAllBytesAsync(Path.Combine(app.StoragePath, legacy), files[legacy]);
        var corrupt = FileStorage.AddressOf(Sha(Random(10))); // bytes that are not what the address names
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(app.StoragePath, corrupt))!);
        await File.WriteAllBytesAsync(Path.Combine(app.StoragePath, corrupt), Random(20));

        var lines = new List<string>();
        var first = await mover.MoveAsync(FileBackend.Database, lines.Add, CancellationToken.None);
        Assert.Equal(1, first.Failed);
        Assert.Contains(lines, l => l.StartsWith("Lỗi: " + corrupt, StringComparison.Ordinal));
        Assert.False(database.Exists(corrupt)); // a damaged source is never copied
        Assert.True(first.Copied >= 3);
        foreach (var (address, content) in files)
        {
            await using var stream = database.Open(address);
            Assert.Equal(content, await ReadAll(stream));
            Assert.True(Folder.Exists(address)); // the source is kept
        }

        File.Delete(Path.Combine(app.StoragePath, corrupt));
        var again = await mover.MoveAsync(FileBackend.Database, _ => { }, CancellationToken.None);
        Assert.Equal(0, again.Copied); // a second run copies only what is missing: nothing
        Assert.Equal(0, again.Failed);
        Assert.Equal(again.Total, again.AlreadyThere);

        database.Delete(legacy);
        var resumed = await mover.MoveAsync(FileBackend.Database, _ => { }, CancellationToken.None);
        Assert.Equal(1, resumed.Copied); // … and copies again what went missing

        foreach (var address in files.Keys)
        {
            File.Delete(Path.Combine(app.StoragePath, address));
        }

        var back = await mover.MoveAsync(FileBackend.Folder, _ => { }, CancellationToken.None);
        Assert.Equal(0, back.Failed);
        Assert.True(back.Copied >= files.Count);
        foreach (var (address, content) in files)
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(app.StoragePath, address)));
            Assert.True(database.Exists(address)); // the database's copy is kept too
        }
    }

    [Fact]
    public async Task A_backup_and_restore_of_the_database_carries_its_files()
    {
        var backups = app.Services.GetRequiredService<Backups>();
        var content = Random(DatabaseFileStore.PartSize + 77);
        var blob = await Store.PutAsync(content, CancellationToken.None);
        var folder = Path.Combine(Path.GetTempPath(), "exemplars-dbfiles-backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifest = await backups.BackupAsync(folder, CancellationToken.None);
            Assert.DoesNotContain(manifest.Files, f => f.Path.EndsWith(blob.Address, StringComparison.Ordinal)); // in the database copy, not in files/

            Assert.True(Store.Delete(blob.Address));
            Assert.False(Store.Exists(blob.Address));
            await backups.RestoreAsync(folder, CancellationToken.None);

            await using var stream = Store.Open(blob.Address);
            Assert.Equal(content, await ReadAll(stream));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

/// <summary>An app whose file store is the database (and whose local folder, like any instance's, is its own).</summary>
public sealed class DatabaseFilesSqliteAppFactory : SqliteAppFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Storage:Backend"] = "Database" };
}

/// <inheritdoc cref="DatabaseFilesSqliteAppFactory"/>
public sealed class DatabaseFilesPostgresAppFactory : PostgresAppFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Storage:Backend"] = "Database" };
}

public sealed class DatabaseFilesTests_Sqlite(DatabaseFilesSqliteAppFactory app) : DatabaseFilesTests(app), IClassFixture<DatabaseFilesSqliteAppFactory>;

public sealed class DatabaseFilesTests_Postgres(DatabaseFilesPostgresAppFactory app) : DatabaseFilesTests(app), IClassFixture<DatabaseFilesPostgresAppFactory>;

/// <summary>The <c>files-move</c> command as an administrator types it, against the app as deployed (own process, SQLite).</summary>
public sealed class FileMoveCommandTests(Infrastructure.ProcessApp app) : IClassFixture<Infrastructure.ProcessApp>
{
    [Fact]
    public async Task Files_move_copies_the_folder_into_the_database_and_back_and_says_so_in_Vietnamese()
    {
        var content = SampleFiles.Pdf("chuyển kho " + Guid.NewGuid(), padTo: DatabaseFileStore.PartSize + 3);
        var address = FileStorage.AddressOf(Convert.ToHexStringLower(SHA256.HashData(content)));
        var legacy = $"2024-11/{Guid.NewGuid():N}.bin";
        var old = SampleFiles.Pdf("tệp cũ");
        foreach (var (path, bytes) in new[] { (address, content), (legacy, old) })
        {
            var full = Path.Combine(app.FilesFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes);
        }

        var (code, output) = await app.RunCommandAsync("files-move");
        Assert.Equal(2, code);
        Assert.Contains("Cách dùng: files-move --to Database|Folder", output, StringComparison.Ordinal);

        (code, output) = await app.RunCommandAsync("files-move", "--to", "Database");
        Assert.True(code == 0, output);
        Assert.Contains("đã chép 2", output, StringComparison.Ordinal);
        Assert.Contains("Storage:Backend = Database", output, StringComparison.Ordinal); // the app still uses the folder: how to switch

        (code, output) = await app.RunCommandAsync("files-move", "--to", "Database");
        Assert.True(code == 0, output);
        Assert.Contains("đã chép 0", output, StringComparison.Ordinal);
        Assert.Contains("đã có sẵn 2", output, StringComparison.Ordinal);

        File.Delete(Path.Combine(app.FilesFolder, address));
        File.Delete(Path.Combine(app.FilesFolder, legacy));
        (code, output) = await app.RunCommandAsync("files-move", "--to", "Folder");
        Assert.True(code == 0, output);
        Assert.Contains("đã chép 2", output, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(app.FilesFolder, address)));
        Assert.Equal(old, await File.ReadAllBytesAsync(Path.Combine(app.FilesFolder, legacy)));
    }
}
