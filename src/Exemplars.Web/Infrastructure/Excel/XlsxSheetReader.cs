using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using Exemplars.Domain.Common;

namespace Exemplars.Web.Infrastructure.Excel;

/// <summary>
/// Reads the first sheet of an XLSX in one forward pass (issue 14): an <see cref="XmlReader"/> over the sheet part of the
/// ZIP, shared strings read once into an array, each cell placed by its reference (or, without one, after the previous
/// cell) into a <c>string[]</c> per row whose layout the header row fixes once. Cell texts are what the import screens
/// have always received from MiniExcel's dynamic rows (<see cref="MiniExcelText"/>): numbers in invariant culture,
/// dates (date-formatted numbers, <c>t="d"</c>) as dd/MM/yyyy, booleans as True/False, <c>_xHHHH_</c> escapes decoded,
/// texts trimmed. Repeated short texts (codes, rating words, years) are made into strings once per read, not once per
/// cell.
/// Throws on a file it cannot read; <see cref="Spreadsheet.ReadTable"/> turns that into the user's message.
/// </summary>
internal sealed partial class XlsxSheetReader
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int PooledLength = 64;
    private const int PoolCapacity = 1 << 16;

    /// <summary>A column without a header: its cells are not read.</summary>
    private const int Unheaded = -1;

    /// <summary>A column whose header a column further right repeats: its text only decides whether the row is blank.</summary>
    private const int Shadowed = -2;

    private readonly ZipArchive _zip;
    private readonly NameTable _names = new();
    private readonly string _main;
    private readonly string _strict;
    private readonly string _worksheet;
    private readonly string _sheetData;
    private readonly string _row;
    private readonly string _cell;
    private readonly string _value;
    private readonly string _inline;
    private readonly string _text;
    private readonly string _run;
    private readonly string _reference;
    private readonly string _style;
    private readonly string _dimension;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _textLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _numberLookup;
    private char[] _buffer = new char[256];
    private int _length;
    private string[]? _shared;
    private string[]? _sharedTrimmed;
    private StyleKind[]? _styles;

    private XlsxSheetReader(ZipArchive zip)
    {
        _zip = zip;
        _main = _names.Add(MainNamespace);
        _strict = _names.Add(StrictNamespace);
        _worksheet = _names.Add("worksheet");
        _sheetData = _names.Add("sheetData");
        _row = _names.Add("row");
        _cell = _names.Add("c");
        _value = _names.Add("v");
        _inline = _names.Add("is");
        _text = _names.Add("t");
        _run = _names.Add("r");
        _reference = _names.Add("r");
        _style = _names.Add("s");
        _dimension = _names.Add("dimension");
        _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        _numberLookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum CellType
    {
        Number,
        SharedString,
        String,
        Boolean,
        Date,
        Error,
    }

    private enum StyleKind : byte
    {
        None,
        Date,
        Time,
    }

    /// <summary>
    /// The header and the non-blank data rows of the first sheet, or a refusal when a data row is numbered past
    /// <paramref name="maxRows"/> + 1 (blank rows count) or <see cref="WorkbookLimits"/> refuse the workbook; no table
    /// when the sheet has no row at all. The sheet's XML is parsed once when the workbook has a single worksheet: the
    /// limits skip that sheet, and the reader refuses its rows, columns and declared dimension while it streams, its
    /// inflated bytes charged to what the other entries left of the budget (issue 14, goal 3).
    /// Throws <see cref="WorkbookTooLargeException"/> when the sheet inflates past that budget.
    /// </summary>
    public static (SheetTable? Table, DomainError? Refusal) ReadWithinLimits(Stream content, int maxRows)
    {
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var sheets = WorksheetEntries(zip);
        var streamed = sheets.Count == 1 ? sheets[0] : null;
        if (WorkbookLimits.Check(zip, maxRows, streamed, out var bytesLeft) is { } refused)
        {
            return (null, refused);
        }

        return new XlsxSheetReader(zip).ReadFirstSheet(maxRows, streamed is null ? null : inflated => WorkbookLimits.Budgeted(inflated, bytesLeft));
    }

    private XmlReaderSettings Settings(bool ignoreWhitespace) => new()
    {
        NameTable = _names,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = ignoreWhitespace,
        CloseInput = true,
    };

    private bool InSheetNamespace(XmlReader reader) => ReferenceEquals(reader.NamespaceURI, _main) || ReferenceEquals(reader.NamespaceURI, _strict);

    private bool Is(XmlReader reader, string atomizedName) =>
        reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, atomizedName) && InSheetNamespace(reader);

    private (SheetTable? Table, DomainError? Refusal) ReadFirstSheet(int maxRows, Func<Stream, Stream>? open)
    {
        try
        {
            return ReadFirstSheetOrThrow(maxRows, open);
        }
        catch (SheetRefusedException refused)
        {
            return (null, refused.Error);
        }
    }

    private (SheetTable? Table, DomainError? Refusal) ReadFirstSheetOrThrow(int maxRows, Func<Stream, Stream>? open)
    {
        var sheet = SheetEntry();
        ReadSharedStrings();
        var inflated = sheet.Open();
        using var reader = XmlReader.Create(open is null ? inflated : open(inflated), Settings(ignoreWhitespace: true));
        if (reader.MoveToContent() != XmlNodeType.Element || !Is(reader, _worksheet) || reader.IsEmptyElement)
        {
            return (null, null);
        }

        reader.Read();
        var state = new SheetState(maxRows);
        while (!reader.EOF && reader.Depth >= 1)
        {
            if (reader.Depth == 1 && Is(reader, _sheetData))
            {
                if (ReadSheetData(reader, state) is { } refusal)
                {
                    return (null, refusal);
                }
            }
            else if (reader.Depth == 1 && Is(reader, _dimension) && WorkbookLimits.CheckDimension(reader.GetAttribute("ref"), maxRows) is { } beyond)
            {
                return (null, beyond);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        return state.Columns is null ? (null, null) : (new SheetTable(state.Columns, state.Rows), null);
    }

    /// <summary>Where a row's cells go: set by the header row, or empty when the sheet has no row 1.</summary>
    private sealed class SheetState(int maxRows)
    {
        public int MaxRows { get; } = maxRows;

        public int LastNumber { get; set; }

        public SheetColumns? Columns { get; set; }

        /// <summary>Per sheet column: the index of its values, <see cref="Unheaded"/>, or <see cref="Shadowed"/>.</summary>
        public int[] FieldOfColumn { get; set; } = [];

        public List<SheetTableRow> Rows { get; } = [];
    }

    private DomainError? ReadSheetData(XmlReader reader, SheetState state)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        var depth = reader.Depth;
        reader.Read();
        string[]? values = null;
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (!Is(reader, _row))
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                }

                continue;
            }

            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.Integer, CultureInfo.CurrentCulture, out var declared) && declared > state.LastNumber
                ? declared
                : state.LastNumber + 1;
            state.LastNumber = number;
            if (state.Columns is null)
            {
                if (number == 1)
                {
                    ReadHeader(reader, state);
                    continue;
                }

                // No row 1: the header is empty, so every row is blank (MiniExcel filled the gap with empty rows).
                state.Columns = new SheetColumns([]);
            }

            if (number > state.MaxRows + 1)
            {
                return DomainError.Invalid("File", $"Tệp có quá nhiều dòng (tối đa {state.MaxRows} dòng dữ liệu).");
            }

            values ??= NewRow(state.Columns.Count);
            if (ReadDataRow(reader, state.FieldOfColumn, values))
            {
                state.Rows.Add(new SheetTableRow(number, values));
                values = null;
            }
            else
            {
                Array.Fill(values, string.Empty);
            }
        }

        reader.Read();
        return null;
    }

    private static string[] NewRow(int count)
    {
        var values = new string[count];
        Array.Fill(values, string.Empty);
        return values;
    }

    /// <summary>Row 1: each column's text as MiniExcel's header row gave it (Convert.ToString, invariant), folded.</summary>
    private void ReadHeader(XmlReader reader, SheetState state)
    {
        var headers = new List<(int Column, string Folded)>();
        ReadCells(reader, (column, type, style) =>
        {
            var folded = VietnameseText.Fold(Convert.ToString(CellObject(type, style), CultureInfo.InvariantCulture));
            if (folded.Length > 0)
            {
                headers.Add((column, folded));
            }
        });

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldOfColumn = new int[headers.Count == 0 ? 0 : headers.Max(h => h.Column) + 1];
        Array.Fill(fieldOfColumn, Unheaded);
        var lastColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, folded) in headers.OrderBy(h => h.Column))
        {
            if (lastColumn.TryGetValue(folded, out var left))
            {
                fieldOfColumn[left] = Shadowed;
            }
            else
            {
                index[folded] = index.Count;
            }

            lastColumn[folded] = column;
            fieldOfColumn[column] = index[folded];
        }

        state.Columns = new SheetColumns(index);
        state.FieldOfColumn = fieldOfColumn;
    }

    /// <summary>Fills <paramref name="values"/> from a data row; true when a headed cell has text.</summary>
    private bool ReadDataRow(XmlReader reader, int[] fieldOfColumn, string[] values)
    {
        var any = false;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        var depth = reader.Depth;
        reader.Read();
        var column = -1;
        var cells = 0;
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (!Is(reader, _cell))
            {
                Skip(reader);
                continue;
            }

            var (reference, type, style) = CellAttributes(reader);
            column = CellColumn(reference, column);
            WithinColumns(reference, column, ++cells);
            var field = column >= 0 && column < fieldOfColumn.Length ? fieldOfColumn[column] : Unheaded;
            if (field == Unheaded)
            {
                reader.Skip();
                continue;
            }

            var text = ReadCellContent(reader) ? CellText(type, style) : string.Empty;
            any |= text.Length > 0;
            if (field >= 0)
            {
                values[field] = text;
            }
        }

        reader.Read();
        return any;
    }

    /// <summary>Calls <paramref name="cell"/> for each cell of the row with its column; the raw text is in the buffer.</summary>
    private void ReadCells(XmlReader reader, Action<int, CellType, StyleKind> cell)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        var column = -1;
        var cells = 0;
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (!Is(reader, _cell))
            {
                Skip(reader);
                continue;
            }

            var (reference, type, style) = CellAttributes(reader);
            column = CellColumn(reference, column);
            WithinColumns(reference, column, ++cells);
            if (!ReadCellContent(reader))
            {
                _length = 0;
            }

            if (column >= 0)
            {
                cell(column, type, style);
            }
        }

        reader.Read();
    }

    /// <summary>A cell's reference, type and number format, in one pass over its attributes; the reader stays on the cell.</summary>
    private (string? Reference, CellType Type, StyleKind Style) CellAttributes(XmlReader reader)
    {
        string? reference = null;
        var type = CellType.Number;
        var style = StyleKind.None;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var name = reader.LocalName;
                if (reader.NamespaceURI.Length != 0)
                {
                    continue;
                }

                if (ReferenceEquals(name, _reference))
                {
                    reference = reader.Value;
                }
                else if (ReferenceEquals(name, _text))
                {
                    type = TypeOf(reader.Value);
                }
                else if (ReferenceEquals(name, _style))
                {
                    style = StyleOf(reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return (reference, type, style);
    }

    /// <summary>Refuses a row with more cells than <see cref="WorkbookLimits.MaxColumns"/> or a cell beyond that column.</summary>
    private static void WithinColumns(string? reference, int column, int cells)
    {
        if (cells > WorkbookLimits.MaxColumns || column >= WorkbookLimits.MaxColumns || WorkbookLimits.BeyondLastColumn(reference))
        {
            throw new SheetRefusedException(WorkbookLimits.TooManyColumns);
        }
    }

    private static void Skip(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element)
        {
            reader.Skip();
        }
        else
        {
            reader.Read();
        }
    }

    /// <summary>"C7" → 2; without a readable reference, the column after <paramref name="previous"/>.</summary>
    private static int CellColumn(string? reference, int previous)
    {
        if (reference is null)
        {
            return previous + 1;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return previous + 1;
            }
        }

        return i > 0 && i < reference.Length && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
            ? column - 1
            : previous + 1;
    }

    private static CellType TypeOf(string? type) => type switch
    {
        "s" => CellType.SharedString,
        "str" or "inlineStr" => CellType.String,
        "b" => CellType.Boolean,
        "d" => CellType.Date,
        "e" => CellType.Error,
        _ => CellType.Number,
    };

    private StyleKind StyleOf(string? style)
    {
        if (string.IsNullOrEmpty(style))
        {
            return StyleKind.None;
        }

        _styles ??= ReadStyles();
        return int.TryParse(style, NumberStyles.Any, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _styles.Length ? _styles[index] : StyleKind.None;
    }

    /// <summary>
    /// Reads a cell's value (<c>v</c>, or the text of <c>is</c>) into the buffer; false when it has none. As in MiniExcel,
    /// a later non-empty value replaces an earlier one and a formula is ignored (its cached value is read).
    /// </summary>
    private bool ReadCellContent(XmlReader reader)
    {
        _length = 0;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (Is(reader, _value))
            {
                KeepLatest(reader, inline: false);
            }
            else if (Is(reader, _inline))
            {
                KeepLatest(reader, inline: true);
            }
            else
            {
                Skip(reader);
            }
        }

        reader.Read();
        return _length > 0;
    }

    private void KeepLatest(XmlReader reader, bool inline)
    {
        var start = _length;
        if (inline)
        {
            AppendStringItem(reader);
        }
        else
        {
            AppendContent(reader);
        }

        if (_length == start)
        {
            return;
        }

        if (start > 0)
        {
            Array.Copy(_buffer, start, _buffer, 0, _length - start);
            _length -= start;
        }
    }

    /// <summary>Appends the text content of the current element (as ReadElementContentAsString reads it) and moves past it.</summary>
    private void AppendContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    do
                    {
                        if (_buffer.Length - _length < 1024)
                        {
                            Array.Resize(ref _buffer, _buffer.Length * 2);
                        }

                        read = reader.ReadValueChunk(_buffer, _length, _buffer.Length - _length);
                        _length += read;
                    }
                    while (read > 0);

                    reader.Read();
                    break;
                case XmlNodeType.ProcessingInstruction or XmlNodeType.Comment:
                    reader.Read();
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return;
                default:
                    throw new XmlException("Unexpected content in a text element.");
            }
        }
    }

    /// <summary>
    /// Appends a rich-text item (<c>si</c>, <c>is</c>): its <c>t</c> children and the <c>t</c> of its runs, nothing else
    /// (phonetic runs are left out), as MiniExcel read it.
    /// </summary>
    private void AppendStringItem(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (Is(reader, _text))
            {
                AppendContent(reader);
            }
            else if (Is(reader, _run))
            {
                AppendRun(reader);
            }
            else
            {
                Skip(reader);
            }
        }

        reader.Read();
    }

    private void AppendRun(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (Is(reader, _text))
            {
                AppendContent(reader);
            }
            else
            {
                Skip(reader);
            }
        }

        reader.Read();
    }

    /// <summary>The text of the cell whose raw value is in the buffer, as the import screens have always received it.</summary>
    private string CellText(CellType type, StyleKind style)
    {
        var raw = _buffer.AsSpan(0, _length);
        if (style != StyleKind.None)
        {
            return MiniExcelText(CellObject(type, style));
        }

        switch (type)
        {
            case CellType.SharedString:
                return SharedIndex(raw) is { } index ? _sharedTrimmed![index] : string.Empty;
            case CellType.String:
                return Pooled(_textLookup, raw, static text => DecodeEscapes(text).Trim());
            case CellType.Number:
                return Pooled(_numberLookup, raw, static text => double.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : text.Trim());
            case CellType.Boolean:
            case CellType.Date:
            case CellType.Error:
            default:
                return MiniExcelText(CellObject(type, style));
        }
    }

    private static string Pooled(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, ReadOnlySpan<char> raw, Func<string, string> convert)
    {
        if (raw.Length > PooledLength)
        {
            return convert(new string(raw));
        }

        if (pool.TryGetValue(raw, out var known))
        {
            return known;
        }

        var key = new string(raw);
        var text = convert(key);
        if (pool.Dictionary.Count < PoolCapacity)
        {
            pool.Dictionary[key] = text;
        }

        return text;
    }

    private int? SharedIndex(ReadOnlySpan<char> raw)
    {
        if (!int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var index) || index < 0)
        {
            return null;
        }

        // MiniExcel failed on a shared-string cell in a workbook without shared strings; so does this reader.
        var shared = _shared ?? throw new InvalidDataException("A shared-string cell in a workbook without shared strings.");
        return index < shared.Length ? index : null;
    }

    /// <summary>
    /// The cell's value as MiniExcel's dynamic rows held it (string, double, bool, DateTime, TimeSpan or null), for the
    /// header row, the rare cell types and date or time formats.
    /// </summary>
    private object? CellObject(CellType type, StyleKind style)
    {
        if (_length == 0)
        {
            return null;
        }

        var raw = new string(_buffer, 0, _length);
        object? value = type switch
        {
            CellType.SharedString => SharedIndex(raw) is { } index ? _shared![index] : null,
            CellType.String => DecodeEscapes(raw),
            CellType.Boolean => raw == "1",
            CellType.Date => DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite, out var date) ? date : raw,
            CellType.Error => raw,
            CellType.Number or _ => double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var number) ? number : raw,
        };

        // MiniExcel's ConvertValueByStyleFormat: the value's text in the current culture, read as a number.
        return style switch
        {
            StyleKind.Date when double.TryParse(Convert.ToString(value, CultureInfo.CurrentCulture), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out var serial) =>
                serial > -657435.0 && serial < 2958466.0 ? DateTime.FromOADate(serial) : value,
            StyleKind.Time when double.TryParse(Convert.ToString(value, CultureInfo.CurrentCulture), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out var days) =>
                TimeSpan.FromDays(days),
            _ => value,
        };
    }

    /// <summary>How a value of MiniExcel's dynamic rows became the cell's text.</summary>
    internal static string MiniExcelText(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim(),
    };

    /// <summary>Decodes the <c>_xHHHH_</c> escapes of OOXML strings exactly as MiniExcel's XmlEncoder.DecodeString did.</summary>
    private static string DecodeEscapes(string text) =>
        text.Length == 0 ? string.Empty : !text.Contains('_', StringComparison.Ordinal) ? text : XmlConvert.DecodeName(UpperEscape().Replace(text, "_x005F_$1_"));

    [GeneratedRegex("_(X[\\dA-Fa-f]{4})_")]
    private static partial Regex UpperEscape();

    private static List<ZipArchiveEntry> WorksheetEntries(ZipArchive zip) => zip.Entries
        .Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase) || e.FullName.StartsWith("/xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase))
        .ToList();

    /// <summary>The worksheet MiniExcel read: the only <c>xl/worksheets/sheet*</c> part, or the workbook's first sheet.</summary>
    private ZipArchiveEntry SheetEntry()
    {
        var sheets = WorksheetEntries(_zip);
        if (sheets.Count <= 1)
        {
            return sheets.Count == 1 ? sheets[0] : throw new InvalidDataException("The workbook has no worksheet.");
        }

        var path = FirstSheetPath() ?? throw new InvalidDataException("The workbook does not say where its first sheet is.");
        return sheets.Single(e => e.FullName == $"xl/{path}" || e.FullName == $"/xl/{path}" || e.FullName.TrimStart('/') == path.TrimStart('/'));
    }

    private string? FirstSheetPath()
    {
        string? id = null;
        using (var workbook = XmlReader.Create(Part("xl/workbook.xml").Open(), Settings(ignoreWhitespace: true)))
        {
            while (workbook.Read())
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet" && InSheetNamespace(workbook))
                {
                    id = workbook.GetAttribute("id", RelationshipsNamespace) ?? workbook.GetAttribute("id", StrictRelationshipsNamespace);
                    break;
                }
            }
        }

        using var relationships = XmlReader.Create(Part("xl/_rels/workbook.xml.rels").Open(), Settings(ignoreWhitespace: true));
        while (relationships.Read())
        {
            if (relationships.NodeType == XmlNodeType.Element && relationships.LocalName == "Relationship" && relationships.NamespaceURI == PackageRelationshipsNamespace
                && relationships.GetAttribute("Id") == id)
            {
                return relationships.GetAttribute("Target");
            }
        }

        return null;
    }

    private ZipArchiveEntry Part(string name) => _zip.Entries.Single(e => e.FullName == name);

    /// <summary>Every shared string once, decoded; and trimmed, as cell texts use them.</summary>
    private void ReadSharedStrings()
    {
        if (_zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return;
        }

        var strings = new List<string>();
        using (var reader = XmlReader.Create(entry.Open(), Settings(ignoreWhitespace: false)))
        {
            if (reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "sst" && InSheetNamespace(reader) && !reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                reader.Read();
                while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && InSheetNamespace(reader))
                    {
                        _length = 0;
                        AppendStringItem(reader);
                        strings.Add(DecodeEscapes(new string(_buffer, 0, _length)));
                    }
                    else
                    {
                        Skip(reader);
                    }
                }
            }
        }

        _shared = [.. strings];
        _sharedTrimmed = [.. strings.Select(s => s.Trim())];
    }

    /// <summary>
    /// Which cell formats make MiniExcel read a number as a date or a duration: the built-in date and time formats, and
    /// custom formats its own parser (<see cref="MiniExcelLibs.Utils.DateTimeHelper"/>) takes for dates.
    /// </summary>
    private StyleKind[] ReadStyles()
    {
        if (_zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return [];
        }

        var formats = new List<int>();
        var custom = new Dictionary<int, StyleKind>();
        using (var reader = XmlReader.Create(entry.Open(), Settings(ignoreWhitespace: true)))
        {
            var inCellFormats = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
                {
                    inCellFormats = false;
                }

                if (reader.NodeType != XmlNodeType.Element || !InSheetNamespace(reader))
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "cellXfs":
                        inCellFormats = !reader.IsEmptyElement;
                        break;
                    case "xf" when inCellFormats && reader.Depth == 2:
                        formats.Add(int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.CurrentCulture, out var id) ? id : 0);
                        break;
                    case "numFmt" when reader.Depth == 2:
                        if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.CurrentCulture, out var customId) && !custom.ContainsKey(customId))
                        {
                            custom[customId] = MiniExcelLibs.Utils.DateTimeHelper.IsDateTimeFormat(reader.GetAttribute("formatCode")) ? StyleKind.Date : StyleKind.None;
                        }

                        break;
                }
            }
        }

        return [.. formats.Select(id => BuiltInFormat(id) ?? custom.GetValueOrDefault(id))];
    }

    /// <summary>MiniExcel's table of built-in number formats: date ones, time ones, others (null: not built in).</summary>
    private static StyleKind? BuiltInFormat(int id) => id switch
    {
        14 or 15 or 16 or 22 or 58 => StyleKind.Date,
        18 or 19 or 20 or 21 or 45 or 46 or 47 => StyleKind.Time,
        (>= 0 and <= 22) or (>= 37 and <= 49) => StyleKind.None,
        _ => null,
    };
}

/// <summary>A sheet refused by a limit while it was read; caught where the sheet's reading began.</summary>
#pragma warning disable CA1032 // Thrown and caught inside XlsxSheetReader only.
internal sealed class SheetRefusedException(DomainError error) : Exception(error.Message)
#pragma warning restore CA1032
{
    public DomainError Error { get; } = error;
}
