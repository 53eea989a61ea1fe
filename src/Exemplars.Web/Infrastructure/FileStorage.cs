namespace Exemplars.Web.Infrastructure;

/// <summary>
/// Uploaded bytes on local disk under <c>Storage:Path</c> (default App_Data/files). Stored names are generated, never
/// taken from the upload, so a hostile file name cannot reach outside the folder.
/// </summary>
public sealed class FileStorage
{
    private readonly string _root;

    public FileStorage(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["Storage:Path"];
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(environment.ContentRootPath, "App_Data", "files") : configured);
        Directory.CreateDirectory(_root);
    }

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var relative = Path.Combine(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N") + ".bin");
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
        return relative;
    }

    public Stream Open(string relative) => File.OpenRead(FullPath(relative));

    /// <summary>
    /// Removes stored bytes no record points to any more, after the records are gone: a file already gone or a disk
    /// error is not the user's failure (the deletion they asked for succeeded), so it returns false instead of throwing.
    /// </summary>
    public bool Delete(string relative)
    {
        try
        {
            File.Delete(FullPath(relative));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public bool Exists(string relative) => File.Exists(FullPath(relative));

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
