using System.Security.Cryptography;

namespace Exemplars.Web.Infrastructure;

/// <summary>
/// Uploaded bytes on local disk under <c>Storage:Path</c> (default App_Data/files), content-addressed:
/// <c>sha256/ab/cdef…</c> where <c>abcdef…</c> is the SHA-256 of the bytes. Each upload is written to a temporary name in
/// the target folder and then moved into place, so a reader never sees half a file and two parallel uploads of the same
/// bytes end with one copy. Stored names never come from the upload, so a hostile file name cannot reach outside the folder.
/// Paths written before content addressing (<c>yyyy-MM/guid.bin</c>) still open.
/// </summary>
public sealed class FileStorage : IFileStore
{
    public const string BlobFolder = "sha256";

    private const string TemporaryPrefix = ".upload-";

    private readonly string _root;

    public FileStorage(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["Storage:Path"];
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(environment.ContentRootPath, "App_Data", "files") : configured);
        Directory.CreateDirectory(_root);
    }

    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(_root, TemporaryPrefix + "probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            byte[] written = [0x45, 0x78];
            await File.WriteAllBytesAsync(probe, written, cancellationToken);
            return (await File.ReadAllBytesAsync(probe, cancellationToken)).AsSpan().SequenceEqual(written);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public static string AddressOf(string sha256) => $"{BlobFolder}/{sha256[..2]}/{sha256[2..]}";

    public async Task<StoredBlob> PutAsync(byte[] content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var address = AddressOf(sha);
        var full = FullPath(address);
        if (File.Exists(full))
        {
            Touch(full);
            return new StoredBlob(address, sha);
        }

        await WriteThenMoveAsync(full, (stream, token) => stream.WriteAsync(content, token).AsTask(), temporary =>
        {
            try
            {
                File.Move(temporary, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another upload of the same bytes won the move: its copy is identical, ours is not needed.
                Touch(full);
            }
        }, cancellationToken);

        return new StoredBlob(address, sha);
    }

    public Stream Open(string address) => File.OpenRead(FullPath(address));

    public bool Exists(string address) => File.Exists(FullPath(address));

    public DateTime? TouchedAtUtc(string address)
    {
        var full = FullPath(address);
        return File.Exists(full) ? File.GetLastWriteTimeUtc(full) : null;
    }

    public IEnumerable<(string Address, DateTime TouchedAtUtc)> ListBlobs()
    {
        var folder = Path.Combine(_root, BlobFolder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            {
                yield return (Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'), File.GetLastWriteTimeUtc(file));
            }
        }
    }

    public IEnumerable<(string Path, DateTime TouchedAtUtc)> ListTemporary()
    {
        var folder = Path.Combine(_root, BlobFolder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, TemporaryPrefix + "*", SearchOption.AllDirectories))
        {
            yield return (Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'), File.GetLastWriteTimeUtc(file));
        }
    }

    /// <summary>
    /// Removes stored bytes: a file already gone or a disk error is not a user's failure, so it returns false instead of
    /// throwing. Content-addressed bytes may be shared by several records: only the sweeper removes those.
    /// </summary>
    public bool Delete(string address)
    {
        try
        {
            File.Delete(FullPath(address));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Every stored file (content-addressed and legacy), not unfinished uploads: paths relative to the root with '/', for backups.</summary>
    public IEnumerable<string> ListAll() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The full path of a stored file (checked to stay under the root).</summary>
    public string FullPathOf(string relative) => FullPath(relative);

    /// <summary>Puts a file back at its stored path from a backup: written to a temporary name, then moved over whatever is there.</summary>
    public async Task RestoreAsync(string relative, string source, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        await WriteThenMoveAsync(full, async (output, token) =>
        {
            await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await input.CopyToAsync(output, token);
        }, temporary => File.Move(temporary, full, overwrite: true), cancellationToken);
    }

    /// <summary>
    /// Stores the bytes read from <paramref name="content"/> at <paramref name="relative"/> (a move from the database
    /// store), through a temporary name and a move that never overwrites; false when a file is already there.
    /// </summary>
    public async Task<bool> ImportAsync(string relative, Stream content, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        if (File.Exists(full))
        {
            return false;
        }

        var written = true;
        await WriteThenMoveAsync(full, (output, token) => content.CopyToAsync(output, token), temporary =>
        {
            try
            {
                File.Move(temporary, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                written = false;
            }
        }, cancellationToken);
        return written;
    }

    /// <summary>
    /// Writes to a temporary name in the target's folder (flushed to disk), then lets <paramref name="moveIntoPlace"/> move
    /// it: a reader never sees half a file, and the temporary file never outlives a failure.
    /// </summary>
    private static async Task WriteThenMoveAsync(string full, Func<Stream, CancellationToken, Task> write, Action<string> moveIntoPlace, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            moveIntoPlace(temporary);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Removes a stored file by its relative path (a restore removing what the backup did not have).</summary>
    public void DeleteRelative(string relative) => File.Delete(FullPath(relative));

    /// <summary>True for a content-addressed path (shared by every record of the same bytes), false for a legacy one.</summary>
    public static bool IsContentAddressed(string address) => address.StartsWith(BlobFolder + "/", StringComparison.Ordinal);

    private static void Touch(string full)
    {
        try
        {
            File.SetLastWriteTimeUtc(full, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The grace period then counts from the first upload; the record referencing it is saved right after.
        }
    }

    private string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Stored path escapes the storage root.");
        }

        return full;
    }
}
