using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Bytes of the file store kept in the database (<c>Storage:Backend</c> = <c>Database</c>, ADR 010): one row per stored
/// file and its bytes in parts of <see cref="StoredFile.PartSize"/> bytes, so a file is written in one transaction and read
/// part by part, never whole. Only <see cref="DatabaseFileStore"/> reads and writes them, with plain SQL; they are not
/// audited (bytes, not decisions).
/// </summary>
public static class StoredFileModel
{
    public const string FilesTable = "stored_files";
    public const string PartsTable = "stored_file_parts";

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StoredFile>(e =>
        {
            e.ToTable(FilesTable);
            e.HasKey(x => x.Address);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            e.HasMany<StoredFilePart>().WithOne().HasForeignKey(p => p.Address).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<StoredFilePart>(e =>
        {
            e.ToTable(PartsTable);
            e.HasKey(x => new { x.Address, x.Part });
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Data).IsRequired();
        });
    }
}

/// <summary>A file of the database file store: its address (as the folder store names it), SHA-256, size and last write.</summary>
public sealed class StoredFile
{
    public string Address { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    /// <summary>The size of every part but the last (which may be shorter), so a position maps to its part.</summary>
    public int PartSize { get; set; }

    /// <summary>When the bytes were written or last re-stored (real time, as the sweeper measures it).</summary>
    public DateTime TouchedAtUtc { get; set; }
}

/// <summary>One part of a stored file's bytes, numbered from 0.</summary>
public sealed class StoredFilePart
{
    public string Address { get; set; } = "";

    public int Part { get; set; }

    public byte[] Data { get; set; } = [];
}
