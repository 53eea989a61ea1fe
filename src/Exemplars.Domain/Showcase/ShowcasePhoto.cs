namespace Exemplars.Domain.Showcase;

/// <summary>A photo for a showcase story: public material, kept apart from the dossiers' evidence.</summary>
public sealed class ShowcasePhoto
{
    public int Id { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Address of the bytes in the file store (content-addressed).</summary>
    public string StoragePath { get; set; } = string.Empty;

    public string UploadedBy { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }
}
