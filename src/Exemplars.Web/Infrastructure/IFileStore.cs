namespace Exemplars.Web.Infrastructure;

/// <summary>
/// Content-addressed storage of uploaded bytes: the address of a file is the SHA-256 of its bytes, so the same bytes
/// are stored once however often they are uploaded, and an address always opens exactly the bytes it names. Backed by
/// the local folder (<see cref="FileStorage"/>, the default) or the database (<see cref="DatabaseFileStore"/>), chosen by
/// <c>Storage:Backend</c>; <c>files-move</c> copies every file from one to the other.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes (atomically; a no-op when they are already there) and returns their address.</summary>
    Task<StoredBlob> PutAsync(byte[] content, CancellationToken cancellationToken);

    Stream Open(string address);

    bool Exists(string address);

    /// <summary>When the bytes were last written or re-stored; null when they are not there.</summary>
    DateTime? TouchedAtUtc(string address);

    /// <summary>Every content-addressed blob with the time it was last written or re-stored, for the sweeper.</summary>
    IEnumerable<(string Address, DateTime TouchedAtUtc)> ListBlobs();

    /// <summary>Unfinished uploads (temporary names) with their age, for the sweeper.</summary>
    IEnumerable<(string Path, DateTime TouchedAtUtc)> ListTemporary();

    /// <summary>Removes a blob or a temporary file; false when it was already gone or could not be removed.</summary>
    bool Delete(string address);

    /// <summary>Whether a file can be written and read back now (the readiness check); the probe leaves nothing behind.</summary>
    Task<bool> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>Where the bytes went: their address (a relative storage path) and their SHA-256 in lower-case hex.</summary>
public sealed record StoredBlob(string Address, string Sha256);
