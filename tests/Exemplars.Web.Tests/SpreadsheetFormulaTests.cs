using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Tests.Infrastructure;

namespace Exemplars.Web.Tests;

/// <summary>Issue 13 point 8: formula-like text cells are safe without a visible apostrophe.</summary>
public sealed class SpreadsheetFormulaTests
{
    private static readonly string[] Risky = ["+84 912 345 678", "=1+1", "-2+3", "@SUM(1;2)", "=HYPERLINK(\"http://evil.example\",\"Bấm\")"];

    [Fact]
    public void Formula_like_text_is_a_quote_prefixed_string_without_an_apostrophe()
    {
        var bytes = Spreadsheet.Write(["Tên", "Điện thoại"], Risky.Select(r => (IReadOnlyList<object?>)["Nguyễn Văn A", r]).Append(["Trần Thị B", "0912 345 678"]));
        foreach (var text in Risky)
        {
            AssertQuotedText(bytes, text);
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var plain = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Cell>().Single(c => CellText(document, c) == "Nguyễn Văn A" && c.CellReference == "A2");
        Assert.NotEqual(true, Format(document, plain)?.QuotePrefix?.Value); // ordinary text keeps the ordinary style
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the streaming writer of the long list exports (issue 14 goal 5)
    public async Task LibreOffice_shows_the_text_as_is_and_computes_nothing(bool streamed)
    {
        var rows = Risky.Select(r => (IReadOnlyList<object?>)[r]);
        var bytes = streamed ? XlsxStreamWriterTests.Bytes(XlsxStreamWriter.Write(["Giá trị"], rows, maxRows: 100)) : Spreadsheet.Write(["Giá trị"], rows);
        var folder = Directory.CreateTempSubdirectory("xlsx-quote-");
        try
        {
            var input = Path.Combine(folder.FullName, "export.xlsx");
            File.WriteAllBytes(input, bytes);
            var output = await Office.Run("soffice", $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "profile")} --headless --convert-to \"csv:Text - txt - csv (StarCalc):44,34,76\" --outdir \"{folder.FullName}\" \"{input}\"");
            Assert.True(File.Exists(Path.Combine(folder.FullName, "export.csv")), output);
            var lines = File.ReadAllLines(Path.Combine(folder.FullName, "export.csv"));
            var values = lines.Skip(1).Select(l => l.Length > 1 && l[0] == '"' ? l[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : l).ToArray();
            Assert.Equal(Risky, values);
            Assert.DoesNotContain(values, v => v.StartsWith('\''));
            Assert.DoesNotContain("2", values); // "=1+1" was not computed
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The cell holding <paramref name="text"/> holds it exactly, as a string, quote-prefixed, and the sheet has no formula.</summary>
    internal static void AssertQuotedText(byte[] xlsx, string text)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var cell = Assert.Single(sheet.Descendants<Cell>(), c => CellText(document, c) == text);
        Assert.Contains(cell.DataType?.Value, new CellValues?[] { CellValues.InlineString, CellValues.SharedString, CellValues.String });
        Assert.True(Format(document, cell)?.QuotePrefix?.Value, $"'{text}' has no quotePrefix style");
    }

    private static string? CellText(SpreadsheetDocument document, Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var items = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().ToList();
            return items[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)].InnerText;
        }

        return cell.CellValue?.Text;
    }

    private static CellFormat? Format(SpreadsheetDocument document, Cell cell) =>
        cell.StyleIndex?.Value is { } index ? document.WorkbookPart!.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ElementAtOrDefault((int)index) : null;
}
