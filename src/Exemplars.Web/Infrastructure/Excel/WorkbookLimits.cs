using System.IO.Compression;
using System.Xml;
using Exemplars.Domain.Common;

namespace Exemplars.Web.Infrastructure.Excel;

/// <summary>
/// Inspects an uploaded XLSX before any parser builds rows from it, streaming and in constant memory: the ZIP entries'
/// declared and actual uncompressed sizes, the rows and columns of each sheet (and its declared dimension) and the
/// shared strings. A "zip bomb" — a few megabytes that unpack to gigabytes of cells or text — is refused here, or, for
/// the one sheet <see cref="XlsxSheetReader"/> streams, by the reader through <see cref="Budgeted"/> and the checks below.
/// </summary>
public static class WorkbookLimits
{
    public const long MaxUncompressedBytes = 40L * 1024 * 1024;
    public const int MaxEntries = 200;
    public const int MaxColumns = 100;
    public const int MaxSharedStrings = 200_000;
    public const long MaxSharedStringChars = 8L * 1024 * 1024;

    internal static readonly DomainError TooLarge = DomainError.Invalid("File", $"Tệp Excel khi giải nén quá lớn (tối đa {MaxUncompressedBytes / 1024 / 1024} MB dữ liệu). Hãy dùng tệp mẫu, chỉ giữ các dòng cần nhập.");
    private static readonly DomainError Unreadable = DomainError.Invalid("File", "Không đọc được tệp Excel. Hãy dùng tệp mẫu và lưu lại dưới dạng .xlsx.");

    internal static DomainError TooManyRows(int maxRows) => DomainError.Invalid("File", $"Tệp có quá nhiều dòng (tối đa {maxRows} dòng dữ liệu).");

    internal static DomainError TooManyColumns => DomainError.Invalid("File", $"Tệp có quá nhiều cột (tối đa {MaxColumns} cột).");

    /// <summary>A read-only view of <paramref name="inner"/> that throws <see cref="WorkbookTooLargeException"/> past <paramref name="bytes"/> inflated bytes.</summary>
    internal static Stream Budgeted(Stream inner, long bytes) => new CountingStream(inner, new Budget(bytes));

    /// <summary>The sheet's declared dimension (<c>A1:D200</c>) against the limits; null when within them or absent.</summary>
    internal static DomainError? CheckDimension(string? dimension, int maxRows)
    {
        if (dimension is null)
        {
            return null;
        }

        var (column, row) = CellReference(dimension.Split(':')[^1]);
        return column > MaxColumns ? TooManyColumns : row > maxRows + 1 ? TooManyRows(maxRows) : null;
    }

    /// <summary>True when a cell reference (<c>XFD1</c>) names a column past <see cref="MaxColumns"/>.</summary>
    internal static bool BeyondLastColumn(string? reference) => reference is not null && CellReference(reference).Column > MaxColumns;

    /// <summary>
    /// Null when every entry of <paramref name="zip"/> is within the limits, except that <paramref name="streamed"/> —
    /// the sheet the caller parses next — is only counted by its declared size: the caller must open it through
    /// <see cref="Budgeted"/> with <paramref name="bytesLeft"/> and refuse, while it streams, what
    /// <see cref="CheckSheet"/> refuses (rows, columns, the declared dimension), so the sheet's XML is parsed once
    /// (issue 14, goal 3). Throws <see cref="WorkbookTooLargeException"/> when an entry inflates past the budget.
    /// </summary>
    internal static DomainError? Check(ZipArchive zip, int maxRows, ZipArchiveEntry? streamed, out long bytesLeft)
    {
        bytesLeft = 0;
        if (zip.Entries.Count > MaxEntries)
        {
            return Unreadable;
        }

        if (zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
        {
            return TooLarge;
        }

        // Declared sizes can lie: what is actually inflated is counted as well, across every entry.
        var budget = new Budget(MaxUncompressedBytes);
        foreach (var entry in zip.Entries)
        {
            if (ReferenceEquals(entry, streamed))
            {
                continue;
            }

            var name = entry.FullName.Replace('\\', '/').TrimStart('/');
            if (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                if (CheckSheet(entry, budget, maxRows) is { } error)
                {
                    return error;
                }
            }
            else if (name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            {
                if (CheckSharedStrings(entry, budget) is { } error)
                {
                    return error;
                }
            }
            else
            {
                using var stream = new CountingStream(entry.Open(), budget);
                stream.CopyTo(Stream.Null);
            }
        }

        bytesLeft = budget.Left;
        return null;
    }

    private static XmlReader Reader(ZipArchiveEntry entry, Budget budget) => XmlReader.Create(
        new CountingStream(entry.Open(), budget),
        new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true, CloseInput = true });

    private static DomainError? CheckSheet(ZipArchiveEntry entry, Budget budget, int maxRows)
    {
        var tooManyRows = TooManyRows(maxRows);
        var tooManyColumns = TooManyColumns;
        using var reader = Reader(entry, budget);
        var rows = 0;
        var cellsInRow = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "dimension":
                    if (CheckDimension(reader.GetAttribute("ref"), maxRows) is { } beyond)
                    {
                        return beyond;
                    }

                    break;
                case "row":
                    rows++;
                    cellsInRow = 0;
                    if (rows > maxRows + 1 || (long.TryParse(reader.GetAttribute("r"), out var number) && number > maxRows + 1))
                    {
                        return tooManyRows;
                    }

                    break;
                case "c":
                    cellsInRow++;
                    var reference = reader.GetAttribute("r");
                    if (cellsInRow > MaxColumns || BeyondLastColumn(reference))
                    {
                        return tooManyColumns;
                    }

                    break;
            }
        }

        return null;
    }

    private static DomainError? CheckSharedStrings(ZipArchiveEntry entry, Budget budget)
    {
        var tooMany = DomainError.Invalid("File", $"Tệp có quá nhiều chữ (tối đa {MaxSharedStrings} ô chữ khác nhau, {MaxSharedStringChars / 1024 / 1024} triệu ký tự).");
        using var reader = Reader(entry, budget);
        var strings = 0;
        long chars = 0;
        var buffer = new char[4096];
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && ++strings > MaxSharedStrings)
            {
                return tooMany;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && !reader.IsEmptyElement)
            {
                // Read the text in chunks: a single huge string is never held whole.
                reader.Read();
                while (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                {
                    int read;
                    while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        chars += read;
                        if (chars > MaxSharedStringChars)
                        {
                            return tooMany;
                        }
                    }

                    if (!reader.Read())
                    {
                        break;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>"XFD1048576" → (16384, 1048576); unreadable parts count as 0.</summary>
    private static (long Column, long Row) CellReference(string reference)
    {
        long column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= int.MaxValue; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        _ = long.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row);
        return (column, row);
    }

    private sealed class Budget(long limit)
    {
        public long Left { get; private set; } = limit;

        public void Spend(int bytes)
        {
            Left -= bytes;
            if (Left < 0)
            {
                throw new WorkbookTooLargeException();
            }
        }
    }


    /// <summary>A read-only stream that charges every inflated byte to the workbook's budget.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>An entry of an uploaded workbook inflated past <see cref="WorkbookLimits.MaxUncompressedBytes"/>.</summary>
#pragma warning disable CA1032 // Thrown and caught inside the spreadsheet reading only.
internal sealed class WorkbookTooLargeException : Exception
#pragma warning restore CA1032
{
}
