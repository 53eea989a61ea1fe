namespace Exemplars.Domain.Ceremonies;

/// <summary>A photo of a held ceremony, shown with its story on the public showcase; the bytes are in the file store (content-addressed).</summary>
public sealed class CeremonyPhoto
{
    public const int MaxCaption = 300;

    public int Id { get; set; }

    public int CeremonyId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Address of the bytes in the file store: the file sweeper keeps what a row here names.</summary>
    public string StoragePath { get; set; } = string.Empty;

    public string? Caption { get; set; }

    public string UploadedBy { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }
}
