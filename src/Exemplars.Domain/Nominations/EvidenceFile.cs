namespace Exemplars.Domain.Nominations;

/// <summary>An uploaded file: evidence for a criterion, or the scan of the signed minutes.</summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    /// <summary>The criterion it supports; "minutes" for the minutes scan; null for general evidence.</summary>
    public string? CriterionCode { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Path of the stored bytes, relative to the storage root; never derived from the uploaded name.</summary>
    public string StoragePath { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }

    public const string MinutesScan = "minutes";
}
