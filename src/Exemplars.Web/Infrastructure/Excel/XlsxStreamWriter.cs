using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplars.Domain.Common;

namespace Exemplars.Web.Infrastructure.Excel;

/// <summary>
/// The row limit of list exports. An XLSX sheet holds at most 1,048,576 rows, so an export allows at most 1,000,000 data
/// rows; a longer list is refused with a message (never cut silently, issue 14 goal 5). Tests lower <see cref="MaxRows"/>
/// on the app's singleton to show the refusal with a few rows.
/// </summary>
public sealed class ExportLimits
{
    /// <summary>The rows of one XLSX sheet (Excel's and the format's limit).</summary>
    public const int SheetRows = 1_048_576;

    public const int DefaultMaxRows = 1_000_000;

    private int _maxRows = DefaultMaxRows;

    /// <summary>The data rows an export may hold (the header row comes on top).</summary>
    public int MaxRows
    {
        get => _maxRows;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, SheetRows - 1);
            _maxRows = value;
        }
    }

    public const string TooManyRowsCode = "export_too_many_rows";

    /// <summary>The refusal of a list longer than <paramref name="maxRows"/> rows, in Vietnamese.</summary>
    public static DomainError TooManyRows(int maxRows) => DomainError.Rule(
        TooManyRowsCode,
        $"Danh sách có hơn {maxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng, vượt giới hạn của một tệp Excel. Hãy lọc theo đơn vị hoặc tìm kiếm rồi xuất lại.");
}

/// <summary>
/// Writes an XLSX workbook of one sheet — a header row, then data rows one at a time — with the OpenXML SDK's SAX
/// <see cref="OpenXmlWriter"/> into a temporary file, so memory stays the same whatever the number of rows: the package is a
/// ZIP written in create mode, which streams each part to the file instead of holding it in memory. Every text cell
/// is an inline string; text a spreadsheet could read as a formula (<see cref="Spreadsheet.LooksLikeFormula"/>) gets the
/// <c>quotePrefix</c> cell style, so the reader sees it as is, without an apostrophe, and nothing evaluates it (issue 13
/// point 8). Numbers are numbers; dates are text dd/MM/yyyy, as the other exports write them.
/// </summary>
public static class XlsxStreamWriter
{
    private const uint QuotedStyle = 1;

    /// <summary>
    /// Writes the rows; more than <paramref name="maxRows"/> of them is refused with <see cref="ExportLimits.TooManyRows"/>
    /// and nothing is kept. On success the returned stream reads the workbook from its start, and disposing it deletes the
    /// temporary file. Callers pass a query limited to <paramref name="maxRows"/> + 1 rows, so a refusal reads one row more
    /// than the limit, not the whole list.
    /// </summary>
    public static async Task<Result<Stream>> WriteAsync<T>(
        IReadOnlyList<string> headers, IAsyncEnumerable<T> items, Func<T, IReadOnlyList<object?>> toRow, int maxRows, CancellationToken cancellationToken, string sheetName = "Danh sách")
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(toRow);
        var path = TemporaryFile.NewPath(".xlsx");
        try
        {
            bool written;
            using (var sheet = Open(path, headers, sheetName))
            {
                written = true;
                await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (!sheet.Add(toRow(item), maxRows))
                    {
                        written = false;
                        break;
                    }
                }

                Complete(sheet, written);
            }

            return Finish(path, written, maxRows);
        }
        finally
        {
            // On success the file is already open with DeleteOnClose (Unix unlinks it now, Windows when it closes).
            TemporaryFile.TryDelete(path);
        }
    }

    /// <summary>The synchronous form of <see cref="WriteAsync{T}"/>, for rows already in memory.</summary>
    public static Result<Stream> Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, int maxRows, string sheetName = "Danh sách")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var path = TemporaryFile.NewPath(".xlsx");
        try
        {
            bool written;
            using (var sheet = Open(path, headers, sheetName))
            {
                written = rows.All(row => sheet.Add(row, maxRows));
                Complete(sheet, written);
            }

            return Finish(path, written, maxRows);
        }
        finally
        {
            TemporaryFile.TryDelete(path);
        }
    }

    private static void Complete(SheetWriter sheet, bool written)
    {
        if (written)
        {
            sheet.Complete();
        }
    }

    private static Result<Stream> Finish(string path, bool written, int maxRows) => written ? TemporaryFile.OpenForReading(path) : ExportLimits.TooManyRows(maxRows);

    private static SheetWriter Open(string path, IReadOnlyList<string> headers, string sheetName)
    {
        var sheet = new SheetWriter(path, sheetName);
        try
        {
            sheet.Header(headers);
            return sheet;
        }
        catch
        {
            sheet.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The open package while rows are added. The ZIP is written in create mode with the package's few fixed parts
    /// (content types, relationships) as text, and the workbook, styles and sheet through <see cref="OpenXmlWriter"/>; the
    /// SDK's own package (System.IO.Packaging) cannot add parts to a write-only package, and a read-write one keeps every
    /// part in memory until it is saved.
    /// </summary>
    private sealed class SheetWriter : IDisposable
    {
        private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

        private readonly ZipArchive _zip;
        private readonly Stream _sheetStream;
        private readonly OpenXmlWriter _writer;
        private readonly System.Text.StringBuilder _reference = new();
        private uint _rowIndex;
        private int _dataRows;
        private bool _disposed;

        public SheetWriter(string path, string sheetName)
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
            try
            {
                _zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false);
            }
            catch
            {
                file.Dispose();
                throw;
            }

            try
            {
                Text("[Content_Types].xml", Declaration +
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                    "</Types>");
                Text("_rels/.rels", Declaration +
                    $"<Relationships xmlns=\"{PackageRelationships}\">" +
                    $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/>" +
                    "</Relationships>");
                Text("xl/_rels/workbook.xml.rels", Declaration +
                    $"<Relationships xmlns=\"{PackageRelationships}\">" +
                    $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                    $"<Relationship Id=\"rId2\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/>" +
                    "</Relationships>");
                Part("xl/workbook.xml", new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" })));
                Part("xl/styles.xml", Stylesheet());

                _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
                _writer = OpenXmlWriter.Create(_sheetStream);
                _writer.WriteStartDocument(standalone: true);
                _writer.WriteStartElement(new Worksheet());
                _writer.WriteStartElement(new SheetData());
            }
            catch
            {
                _zip.Dispose();
                throw;
            }
        }

        private void Text(string name, string xml)
        {
            using var entry = new StreamWriter(_zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            entry.Write(xml);
        }

        private void Part(string name, OpenXmlElement root)
        {
            using var entry = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            using var writer = OpenXmlWriter.Create(entry);
            writer.WriteStartDocument(standalone: true);
            writer.WriteElement(root);
        }

        public void Header(IReadOnlyList<string> headers) => Row(headers.Select(h => (object?)h).ToList());

        /// <summary>Adds a data row, or returns false (adding nothing) when the sheet already holds <paramref name="maxRows"/>.</summary>
        public bool Add(IReadOnlyList<object?> row, int maxRows)
        {
            if (_dataRows >= maxRows)
            {
                return false;
            }

            Row(row);
            _dataRows++;
            return true;
        }

        private void Row(IReadOnlyList<object?> values)
        {
            _rowIndex++;
            _writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, _rowIndex.ToString(CultureInfo.InvariantCulture))]);
            for (var i = 0; i < values.Count; i++)
            {
                if (CellOf(values[i], Reference(i)) is { } cell)
                {
                    _writer.WriteElement(cell);
                }
            }

            _writer.WriteEndElement();
        }

        private string Reference(int column)
        {
            _reference.Clear();
            for (var n = column + 1; n > 0; n = (n - 1) / 26)
            {
                _reference.Insert(0, (char)('A' + ((n - 1) % 26)));
            }

            return _reference.Append(_rowIndex.ToString(CultureInfo.InvariantCulture)).ToString();
        }

        /// <summary>Ends the sheet; without it (an error, a refusal) the half-written file is only closed, then deleted.</summary>
        public void Complete()
        {
            _writer.WriteEndElement(); // sheetData
            _writer.WriteEndElement(); // worksheet
            _writer.Close();
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _sheetStream.Dispose();
            }
            finally
            {
                _zip.Dispose();
            }
        }
    }

    private static Cell? CellOf(object? value, string reference) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : Text(text, reference),
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal =>
            new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        double d when double.IsFinite(d) => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
        float f when float.IsFinite(f) => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(f.ToString("R", CultureInfo.InvariantCulture)) },
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        DateTime date => Text(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), reference),
        DateOnly date => Text(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), reference),
        DateTimeOffset date => Text(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), reference),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? Text(text, reference) : null,
    };

    private static Cell Text(string text, string reference)
    {
        var cell = new Cell(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
        };
        if (Spreadsheet.LooksLikeFormula(text))
        {
            cell.StyleIndex = QuotedStyle;
        }

        return cell;
    }

    /// <summary>The text without characters XML cannot hold (control characters, lone surrogates), each replaced by U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Valid(text, i, out var pair))
            {
                var builder = new System.Text.StringBuilder(text.Length);
                for (var j = 0; j < text.Length; j++)
                {
                    if (Valid(text, j, out pair))
                    {
                        builder.Append(text, j, pair ? 2 : 1);
                        j += pair ? 1 : 0;
                    }
                    else
                    {
                        builder.Append('\uFFFD');
                    }
                }

                return builder.ToString();
            }

            i += pair ? 1 : 0;
        }

        return text;
    }

    private static bool Valid(string text, int i, out bool pair)
    {
        pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        return pair || System.Xml.XmlConvert.IsXmlChar(text[i]);
    }

    /// <summary>Two cell formats: the default (0) and the same with <c>quotePrefix</c> and the text number format (1).</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, QuotePrefix = true })
        { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
