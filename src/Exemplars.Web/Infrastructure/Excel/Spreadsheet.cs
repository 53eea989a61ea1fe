using Exemplars.Domain.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace Exemplars.Web.Infrastructure.Excel;

/// <summary>One data row of an uploaded sheet: its row number as Excel shows it, and its cells by folded header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string header) => Cells.TryGetValue(SheetColumns.Fold(header), out var value) ? value : string.Empty;
}

/// <summary>
/// Reads and writes XLSX files. A written text cell that a spreadsheet could read as a formula (starting with = + - @, tab
/// or CR) is stored as an inline string with the <c>quotePrefix</c> cell style: Excel and LibreOffice show the text as is,
/// without an apostrophe, and never evaluate it (issue 13 point 8).
/// </summary>
public static class Spreadsheet
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Checks an upload before it is parsed: size, extension and the ZIP signature of a real XLSX.</summary>
    public static DomainError? CheckUpload(string? fileName, long length, Stream content)
    {
        if (length <= 0)
        {
            return DomainError.Invalid("File", "Tệp tải lên rỗng.");
        }

        if (length > MaxUploadBytes)
        {
            return DomainError.Invalid("File", $"Tệp tải lên quá lớn (tối đa {MaxUploadBytes / 1024 / 1024} MB).");
        }

        if (fileName is null || !fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return DomainError.Invalid("File", "Chỉ nhận tệp Excel định dạng .xlsx.");
        }

        Span<byte> head = stackalloc byte[4];
        var read = content.Read(head);
        content.Position = 0;
        return read == 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04
            ? null
            : DomainError.Invalid("File", "Tệp không phải là tệp Excel .xlsx hợp lệ.");
    }

    /// <summary>Copies an uploaded workbook into memory after the checks of <see cref="CheckUpload"/>.</summary>
    public static async Task<Result<MemoryStream>> ReadUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return DomainError.Invalid("File", "Hãy chọn tệp Excel cần nhập.");
        }

        if (file.Length > MaxUploadBytes)
        {
            return DomainError.Invalid("File", $"Tệp tải lên quá lớn (tối đa {MaxUploadBytes / 1024 / 1024} MB).");
        }

        var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        if (CheckUpload(file.FileName, file.Length, content) is { } error)
        {
            await content.DisposeAsync();
            return error;
        }

        return content;
    }

    /// <summary>
    /// Reads the first sheet; row 1 is the header. Blank rows are skipped but keep their numbering. The workbook is first
    /// checked against <see cref="WorkbookLimits"/> (uncompressed size, rows, columns, shared strings), streaming. Each row's
    /// cells are a dictionary by folded header over the row's array (<see cref="ReadTable"/>).
    /// </summary>
    public static Result<IReadOnlyList<SheetRow>> Read(Stream content, int maxRows)
    {
        var read = ReadTable(content, maxRows);
        if (!read.IsSuccess)
        {
            return Result<IReadOnlyList<SheetRow>>.Failure(read.Errors);
        }

        var table = read.Value;
        var rows = new SheetRow[table.Rows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new SheetRow(table.Rows[i].Number, new SheetCells(table.Columns, table.Rows[i].Values));
        }

        return rows;
    }

    /// <summary>
    /// Reads the first sheet as <see cref="Read"/> does, into a header resolved once and one array of cell texts per
    /// non-blank row (<see cref="XlsxSheetReader"/>): the form large imports validate from (issue 14).
    /// </summary>
    public static Result<SheetTable> ReadTable(Stream content, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var (table, refusal) = XlsxSheetReader.ReadWithinLimits(content, maxRows);
            if (refusal is not null)
            {
                return refusal;
            }

            return table is null ? DomainError.Invalid("File", "Tệp không có dữ liệu.") : table;
        }
        catch (WorkbookTooLargeException)
        {
            return WorkbookLimits.TooLarge;
        }
#pragma warning disable CA1031 // Any parser failure of a user's file is reported to them, not thrown.
        catch (Exception)
#pragma warning restore CA1031
        {
            return DomainError.Invalid("File", "Không đọc được tệp Excel. Hãy dùng tệp mẫu và lưu lại dưới dạng .xlsx.");
        }
        finally
        {
            content.Position = 0;
        }
    }

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string sheetName = "Danh sách")
    {
        var data = rows.Select(row =>
        {
            var dict = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++)
            {
                dict[headers[i]] = i < row.Count ? row[i] : null;
            }

            return dict;
        }).ToList();
        if (data.Count == 0)
        {
            data.Add(headers.ToDictionary(h => h, _ => (object?)null));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data, sheetName: sheetName);
        QuoteFormulaLikeCells(stream);
        return stream.ToArray();
    }

    /// <summary>True when a spreadsheet could read the text as a formula (OWASP CSV injection advice).</summary>
    public static bool LooksLikeFormula(string? text) => text is { Length: > 0 } && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal);

    /// <summary>
    /// Rewrites every formula-like text cell of the package as an inline string (never a formula) styled with
    /// <c>quotePrefix="1"</c>, so the reader sees the text without an apostrophe and no application evaluates it.
    /// </summary>
    private static void QuoteFormulaLikeCells(MemoryStream package)
    {
        using var document = SpreadsheetDocument.Open(package, isEditable: true);
        var workbook = document.WorkbookPart ?? throw new InvalidOperationException("XLSX without a workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        uint? quoted = null;
        foreach (var sheetPart in workbook.WorksheetParts)
        {
            var changed = false;
            foreach (var cell in sheetPart.Worksheet?.Descendants<Cell>().ToList() ?? [])
            {
                var text = TextOf(cell, shared);
                if (!LooksLikeFormula(text))
                {
                    continue;
                }

                quoted ??= QuotePrefixStyle(workbook);
                cell.CellFormula?.Remove();
                cell.CellValue?.Remove();
                cell.InlineString?.Remove();
                cell.DataType = CellValues.InlineString;
                cell.StyleIndex = quoted;
                cell.AppendChild(new InlineString(new Text(text!) { Space = SpaceProcessingModeValues.Preserve }));
                changed = true;
            }

            if (changed)
            {
                sheetPart.Worksheet!.Save();
            }
        }
    }

    private static string? TextOf(Cell cell, string[] shared)
    {
        if (cell.CellFormula is { } formula)
        {
            return "=" + formula.Text;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : null;
        }

        return cell.DataType?.Value == CellValues.String ? cell.CellValue?.Text : null;
    }

    /// <summary>The index of a cell format like the default one but with <c>quotePrefix="1"</c>; added once.</summary>
    private static uint QuotePrefixStyle(WorkbookPart workbook)
    {
        var stylesPart = workbook.WorkbookStylesPart ?? workbook.AddNewPart<WorkbookStylesPart>();
        if (stylesPart.Stylesheet is null)
        {
            stylesPart.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 }) { Count = 1 });
        }

        var stylesheet = stylesPart.Stylesheet;
        var formats = stylesheet.CellFormats ?? stylesheet.AppendChild(new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 }));
        var template = formats.Elements<CellFormat>().FirstOrDefault();
        var quoted = template is null ? new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 } : (CellFormat)template.CloneNode(deep: true);
        quoted.NumberFormatId = 49; // "@", text
        quoted.ApplyNumberFormat = true;
        quoted.QuotePrefix = true;
        formats.AppendChild(quoted);
        var count = (uint)formats.Elements<CellFormat>().Count();
        formats.Count = count;
        stylesPart.Stylesheet.Save();
        return count - 1;
    }
}
