namespace Exemplars.Web.Infrastructure;

/// <summary>A file written once to the temporary folder and read once, then gone: for large responses not held in memory.</summary>
public static class TemporaryFile
{
    /// <summary>
    /// Runs <paramref name="write"/> on a new temporary file and returns a stream reading it from its start; disposing
    /// the stream deletes the file (on Unix it is unlinked at once and lives while the stream is open). If
    /// <paramref name="write"/> throws, the file is deleted.
    /// </summary>
    public static Stream Write(string extension, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = Path.Combine(Path.GetTempPath(), $"exemplars-{Guid.NewGuid():N}{extension}");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                write(file);
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, bufferSize: 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Still open for reading on a system that cannot unlink an open file: DeleteOnClose removes it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
