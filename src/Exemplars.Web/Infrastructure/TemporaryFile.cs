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
        var path = NewPath(extension);
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                write(file);
            }

            return OpenForReading(path);
        }
        finally
        {
            TryDelete(path);
        }
    }

    /// <summary>A new, unused path in the temporary folder.</summary>
    public static string NewPath(string extension) => Path.Combine(Path.GetTempPath(), $"exemplars-{Guid.NewGuid():N}{extension}");

    /// <summary>Opens a written file for one read from its start; the file is deleted when the stream is disposed.</summary>
    public static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Delete, bufferSize: 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// Deletes the file now; where it is open for reading (<see cref="OpenForReading"/>), Unix unlinks it at once and it
    /// lives while the stream is open.
    /// </summary>
    public static void TryDelete(string path)
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
