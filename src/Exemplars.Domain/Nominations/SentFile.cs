namespace Exemplars.Domain.Nominations;

/// <summary>
/// One file exactly as a submission sent it: its name, criterion and the address of its bytes (content-addressed by
/// SHA-256). Rows are never changed or deleted, and the bytes they reference are never swept, so what the secretariat
/// received can always be opened, even after the clerk removes or replaces the file in the dossier.
/// </summary>
public sealed class SentFile
{
    public int Id { get; set; }

    public int NominationVersionId { get; set; }

    public NominationVersion? Version { get; set; }

    /// <summary>The dossier's evidence row it was sent as (it may be removed later; this row stays).</summary>
    public int EvidenceFileId { get; set; }

    public string? CriterionCode { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string StoragePath { get; set; } = string.Empty;
}
