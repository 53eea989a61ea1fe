using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 15, item 6 (ADR 023): fill, back up, wipe the database and the files, restore, and compare every row of every
/// table and every stored file; a backup whose files do not match its manifest is refused before anything is touched.
/// Each database has its own app (the test wipes it).
/// </summary>
public abstract class BackupRestoreTests(AppFactory app)
{
    private Backups Backups => app.Services.GetRequiredService<Backups>();

    private FileStorage Files => app.Services.GetRequiredService<FileStorage>();

    private string ConnectionString => app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default")!;

    private DbConnection Raw() => app.Provider == "Sqlite"
        ? new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString)
        : new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    /// <summary>Every row of every table of the model (and the migrations history), each as text, sorted: what "the same data" means.</summary>
    private async Task<SortedDictionary<string, List<string>>> Rows()
    {
        var tables = await app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct().ToList()));
        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = Raw();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var list = new List<string>();
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    list.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
                }
            }
            catch (DbException)
            {
                list.Add("(no table)");
            }

            list.Sort(StringComparer.Ordinal);
            rows[table] = list;
        }

        return rows;
    }

    private SortedDictionary<string, string> StoredFiles() => new(Files.ListAll().ToDictionary(p => p, p => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Files.FullPathOf(p))))), StringComparer.Ordinal);

    private async Task Wipe()
    {
        if (app.Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
        else
        {
            await using var connection = Raw();
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;";
            await drop.ExecuteNonQueryAsync();
        }

        foreach (var path in Files.ListAll().ToList())
        {
            Files.DeleteRelative(path);
        }
    }

    [Fact]
    public async Task Backup_wipe_restore_gives_back_every_row_and_every_file_and_a_tampered_backup_is_refused()
    {
        // Fill: a dossier with an uploaded file beside the demo's data and drawn evidence.
        using (var clerk = await app.BearerAs("coso1@demo.vn"))
        {
            var person = await app.WithDb(db => db.People.Where(p => p.Organization!.Code == "CS001" && p.IsPartyMember).Select(p => p.Id).FirstAsync());
            using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2026-2028", kind = "Individual", personId = person, category = "3.2.5" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
            using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf("sao lưu " + Guid.NewGuid())), "file", "minh-chung.pdf" } };
            using var uploaded = await clerk.PostAsync($"/api/v1/nominations/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        var rows = await Rows();
        var files = StoredFiles();
        Assert.Contains(rows["nominations"], _ => true);
        Assert.NotEmpty(files);

        var folder = Path.Combine(Path.GetTempPath(), "exemplars-backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifest = await Backups.BackupAsync(folder, CancellationToken.None);
            Assert.Equal(files.Count, manifest.Files.Count);
            Assert.Equal(app.Provider, manifest.Provider);
            await Assert.ThrowsAsync<BackupException>(() => Backups.BackupAsync(folder, CancellationToken.None)); // never over an old backup

            await Wipe();
            Assert.Empty(Files.ListAll());

            // Tampered: one stored file changed by a byte. Refused before anything is written.
            var tampered = folder + "-tampered";
            CopyFolder(folder, tampered);
            var victim = Path.Combine(tampered, manifest.Files[0].Path);
            var bytes = await File.ReadAllBytesAsync(victim);
            bytes[^1] ^= 0x01;
            await File.WriteAllBytesAsync(victim, bytes);
            var refused = await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(tampered, CancellationToken.None));
            Assert.Contains("không khớp mã kiểm tra", refused.Message, StringComparison.Ordinal);
            Assert.Empty(Files.ListAll());

            // A manifest naming a file outside its folder is refused too.
            var manifestPath = Path.Combine(tampered, Backups.ManifestName);
            await File.WriteAllTextAsync(manifestPath, (await File.ReadAllTextAsync(manifestPath)).Replace(manifest.Files[0].Path, "files/../../../etc/passwd", StringComparison.Ordinal));
            Assert.Contains("ngoài thư mục sao lưu", (await Assert.ThrowsAsync<BackupException>(() => Backups.RestoreAsync(tampered, CancellationToken.None))).Message, StringComparison.Ordinal);
            Directory.Delete(tampered, recursive: true);

            await Backups.RestoreAsync(folder, CancellationToken.None);
            Assert.Equal(files, StoredFiles());
            var restored = await Rows();
            Assert.Equal(rows.Keys, restored.Keys);
            foreach (var (table, list) in rows)
            {
                Assert.True(list.SequenceEqual(restored[table]), $"{table}: {list.Count} rows before, {restored[table].Count} after, or their values differ");
            }

            // The running app reads the restored data (its connection pools were emptied by the restore).
            using (var again = await app.BearerAs("coso1@demo.vn"))
            {
                using var list = await again.GetAsync("/api/v1/nominations?pageSize=5");
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            }

            // A stored file that appeared after the backup is gone after a restore: the store is exactly the backup's.
            var stray = await Files.PutAsync(SampleFiles.Pdf("sau sao lưu " + Guid.NewGuid()), CancellationToken.None);
            await Backups.RestoreAsync(folder, CancellationToken.None);
            Assert.False(Files.Exists(stray.Address));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Scheduled_backups_keep_only_the_newest()
    {
        var root = Path.Combine(Path.GetTempPath(), "exemplars-backups-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var start = new DateTimeOffset(2026, 12, 3, 18, 15, 0, TimeSpan.Zero);
            for (var night = 0; night < 3; night++)
            {
                app.Clock.SetUtcNow(start.AddDays(night));
                await Backups.ScheduledAsync(root, keep: 2, CancellationToken.None);
            }

            var kept = Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["exemplars-20261204-181500", "exemplars-20261205-181500"], kept);
            await Backups.VerifyAsync(Path.Combine(root, kept[^1]!), CancellationToken.None);
        }
        finally
        {
            app.Clock.Reset();
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public sealed class BackupRestoreTests_Sqlite(SqliteAppFactory app) : BackupRestoreTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BackupRestoreTests_Postgres(PostgresAppFactory app) : BackupRestoreTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>The commands an administrator types, against the app running as deployed (own process, SQLite).</summary>
public sealed class BackupCommandTests(Infrastructure.ProcessApp app) : IClassFixture<Infrastructure.ProcessApp>
{
    [Fact]
    public async Task Backup_and_restore_run_as_commands_and_restore_asks_for_confirmation()
    {
        var stored = Path.Combine(app.FilesFolder, "2026-01", "bien-ban-cu.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        await File.WriteAllBytesAsync(stored, SampleFiles.Pdf("tệp cũ"));
        var folder = Path.Combine(Path.GetTempPath(), "exemplars-cli-backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = await app.RunCommandAsync("backup", "--to", folder);
            Assert.True(code == 0, output);
            Assert.Contains("Đã sao lưu", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "database.sqlite")));
            Assert.Contains("files/2026-01/bien-ban-cu.bin", await File.ReadAllTextAsync(Path.Combine(folder, Backups.ManifestName)), StringComparison.Ordinal);

            File.Delete(stored);
            (code, output) = await app.RunCommandAsync("restore", "--from", folder);
            Assert.Equal(2, code);
            Assert.Contains("--yes", output, StringComparison.Ordinal);
            Assert.False(File.Exists(stored)); // nothing done without the confirmation

            (code, output) = await app.RunCommandAsync("restore", "--from", folder, "--yes");
            Assert.True(code == 0, output);
            Assert.True(File.Exists(stored));
            (code, output) = await app.RunCommandAsync("restore", "--from", Path.Combine(folder, "khong-co"), "--yes");
            Assert.Equal(1, code);
            Assert.Contains("không phải thư mục sao lưu", output, StringComparison.Ordinal);

            using var client = new HttpClient { BaseAddress = app.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
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
