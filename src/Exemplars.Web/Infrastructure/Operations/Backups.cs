using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Exemplars.Web.Infrastructure.Operations;

/// <summary>
/// Backup and restore of the database and the stored files (issue 15, item 6; ADR 023). A backup is a folder:
/// <c>database.sqlite</c> (SQLite online backup: a consistent copy while the app runs) or <c>database.pgdump</c>
/// (<c>pg_dump</c> custom format, one snapshot), then <c>files/</c> (the file store, copied after the database so that
/// every file the copied rows name is there: stored files are content-addressed and never change), and
/// <c>manifest.json</c> with the provider, the last migration and the size and SHA-256 of every file in the folder.
/// A restore checks every checksum before it touches anything, then replaces the database and makes the file store
/// exactly the backup's.
/// </summary>
public sealed class Backups(IConfiguration configuration, FileStorage files, IServiceScopeFactory scopes, TimeProvider clock, ILogger<Backups> logger)
{
    public const string ManifestName = "manifest.json";
    public const string FilesFolder = "files";
    private const string SqliteName = "database.sqlite";
    private const string PostgresName = "database.pgdump";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record Entry(string Path, long Size, string Sha256);

    public sealed record Manifest(int Format, DateTimeOffset CreatedAtUtc, string Provider, string? Migration, Entry Database, IReadOnlyList<Entry> Files);

    private DatabaseProvider Provider => DatabaseSetup.Provider(configuration);

    private string ConnectionString => configuration.GetConnectionString("Default") ?? throw new BackupException("Chưa cấu hình chuỗi kết nối cơ sở dữ liệu (ConnectionStrings:Default).");

    /// <summary>Writes a backup into <paramref name="folder"/>, which must not exist or be empty.</summary>
    public async Task<Manifest> BackupAsync(string folder, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"Thư mục {folder} đã có dữ liệu; hãy chọn một thư mục mới hoặc rỗng để không ghi đè bản sao lưu cũ.");
        }

        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        string migration;
        await using (var scope = scopes.CreateAsyncScope())
        {
            migration = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault()
                ?? throw new BackupException("Cơ sở dữ liệu chưa có cấu trúc (chưa chạy migrate); không có gì để sao lưu.");
        }

        var databaseName = Provider == DatabaseProvider.Sqlite ? SqliteName : PostgresName;
        var databasePath = Path.Combine(folder, databaseName);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(ConnectionString);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        else
        {
            await PostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", databasePath], cancellationToken);
        }

        var copied = new List<Entry>();
        foreach (var relative in files.ListAll())
        {
            var target = Path.Combine(folder, FilesFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            copied.Add(await CopyAsync(files.FullPathOf(relative), target, $"{FilesFolder}/{relative}", cancellationToken));
        }

        var manifest = new Manifest(1, clock.GetUtcNow(), Provider.ToString(), migration, await EntryOfAsync(databasePath, databaseName, cancellationToken), copied);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        logger.LogInformation("Backup written to {Folder}: {Files} stored files, {Bytes} bytes of database, in {Elapsed} ms", folder, copied.Count, manifest.Database.Size, watch.ElapsedMilliseconds);
        return manifest;
    }

    /// <summary>Replaces the database and the file store with the backup in <paramref name="folder"/>, after checking every checksum.</summary>
    public async Task<Manifest> RestoreAsync(string folder, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        var manifest = await VerifyAsync(folder, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (manifest.Migration is { } migration && !scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().Contains(migration))
            {
                throw new BackupException($"Bản sao lưu được tạo từ phiên bản phần mềm mới hơn (cấu trúc {migration}); hãy cài phiên bản đó rồi khôi phục.");
            }
        }

        var databasePath = Path.Combine(folder, manifest.Database.Path);
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            SqliteConnection.ClearAllPools();
        }
        else
        {
            // Everything the app keeps is in the public schema: emptied, then filled from the dump in one transaction.
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var drop = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection);
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            await PostgresToolAsync("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", databasePath], cancellationToken);
            NpgsqlConnection.ClearAllPools();
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            var relative = entry.Path[(FilesFolder.Length + 1)..];
            kept.Add(relative);
            await files.RestoreAsync(relative, Path.Combine(folder, entry.Path), cancellationToken);
        }

        var removed = 0;
        foreach (var stray in files.ListAll().Where(p => !kept.Contains(p)).ToList())
        {
            files.DeleteRelative(stray);
            removed++;
        }

        logger.LogInformation("Restored from {Folder} (made {Created}): {Files} stored files, {Removed} files not in the backup removed", folder, manifest.CreatedAtUtc, manifest.Files.Count, removed);
        return manifest;
    }

    /// <summary>Reads the manifest and checks the size and SHA-256 of every file it lists; refuses any mismatch.</summary>
    public async Task<Manifest> VerifyAsync(string folder, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"Không thấy {ManifestName} trong {folder}: đây không phải thư mục sao lưu của hệ thống.");
        }

        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new BackupException($"{ManifestName} bị hỏng, không đọc được.");
        }

        if (manifest.Format != 1 || manifest.Database is null || manifest.Files is null)
        {
            throw new BackupException($"{ManifestName} không đúng định dạng sao lưu của hệ thống.");
        }

        if (!string.Equals(manifest.Provider, Provider.ToString(), StringComparison.Ordinal))
        {
            throw new BackupException($"Bản sao lưu là của cơ sở dữ liệu {manifest.Provider}, hệ thống đang cấu hình {Provider}; không khôi phục chéo được.");
        }

        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        foreach (var entry in manifest.Files.Prepend(manifest.Database))
        {
            var path = Path.GetFullPath(Path.Combine(folder, entry.Path));
            if (!path.StartsWith(root, StringComparison.Ordinal) || (entry != manifest.Database && !entry.Path.StartsWith(FilesFolder + "/", StringComparison.Ordinal)))
            {
                throw new BackupException($"{ManifestName} nêu tệp ngoài thư mục sao lưu: {entry.Path}.");
            }

            if (!File.Exists(path))
            {
                throw new BackupException($"Bản sao lưu thiếu tệp {entry.Path}; không khôi phục gì.");
            }

            var actual = await EntryOfAsync(path, entry.Path, cancellationToken);
            if (actual.Size != entry.Size || !string.Equals(actual.Sha256, entry.Sha256, StringComparison.Ordinal))
            {
                throw new BackupException($"Tệp {entry.Path} không khớp mã kiểm tra trong {ManifestName} (đã bị sửa hoặc hỏng); không khôi phục gì.");
            }
        }

        return manifest;
    }

    /// <summary>A scheduled backup: a new folder <c>exemplars-yyyyMMdd-HHmmss</c> under <paramref name="root"/>, then only the newest <paramref name="keep"/> kept.</summary>
    public async Task<string> ScheduledAsync(string root, int keep, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, "exemplars-" + clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        await BackupAsync(folder, cancellationToken);
        foreach (var old in Directory.EnumerateDirectories(root, "exemplars-*").Where(d => File.Exists(Path.Combine(d, ManifestName))).Order(StringComparer.Ordinal).Reverse().Skip(Math.Max(1, keep)))
        {
            Directory.Delete(old, recursive: true);
            logger.LogInformation("Old backup {Folder} removed (keeping {Keep})", old, keep);
        }

        return folder;
    }

    private static async Task<Entry> CopyAsync(string source, string target, string name, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
        }

        return new Entry(name, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<Entry> EntryOfAsync(string path, string name, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new Entry(name, input.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken)));
    }

    /// <summary>Runs pg_dump or pg_restore against the configured database; the password goes in the environment, never on the command line.</summary>
    private async Task PostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString);
        var start = new ProcessStartInfo(PostgresTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--host=" + (connection.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + connection.Port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--username=" + connection.Username);
        start.ArgumentList.Add("--dbname=" + connection.Database);
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new BackupException($"Không chạy được {tool}.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} dừng với mã {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}".Trim());
        }
    }

    /// <summary><c>Backup:PostgresBin</c> when set, else the newest Debian PostgreSQL installed, else the PATH.</summary>
    private string PostgresTool(string tool)
    {
        var configured = configuration["Backup:PostgresBin"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.Combine(configured, tool);
        }

        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.EnumerateDirectories(debian)
                .Select(d => (Path: Path.Combine(d, "bin", tool), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(t => File.Exists(t.Path)).OrderByDescending(t => t.Version).Select(t => t.Path).FirstOrDefault()
            : null;
        return newest ?? tool;
    }
}

/// <summary>A backup or restore that cannot go on; the message is for the administrator, in Vietnamese.</summary>
public sealed class BackupException(string message) : Exception(message);
