using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsCheck;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Excel;
using MiniExcelLibs;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 14 goal 3: the uploads are read by a streaming reader over the sheet XML (<see cref="Spreadsheet.ReadTable"/>),
/// which gives each row's cells as an array laid out by the header, and must give the texts the imports have always
/// received from MiniExcel's dynamic rows.
/// </summary>
public sealed class SheetReaderTests
{
    private const string Unreadable = "Không đọc được tệp Excel. Hãy dùng tệp mẫu và lưu lại dưới dạng .xlsx.";

    [Fact]
    public void Shared_and_inline_strings_rich_runs_and_escapes_read_as_plain_trimmed_text()
    {
        var xlsx = Workbook(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>Nguyễn</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Văn A </t></r></is></c><c r="C2" t="str"><v>Dòng 1_x000D__x000A_Dòng 2</v></c></row>
            <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c><c r="C3" t="s"><v>99</v></c></row>
            """,
            sharedStrings: """
            <si><t>Mã</t></si><si><t>Họ và tên</t></si><si><t xml:space="preserve">  dv001 </t></si>
            <si><t>DV002</t></si><si><r><t>Trần</t></r><r><t xml:space="preserve"> Thị B</t></r><rPh sb="0" eb="1"><t>チャン</t></rPh></si>
            """);

        var table = ReadTable(xlsx);

        Assert.Equal(2, table.Rows.Count);
        var (code, name, note) = (table.Columns.IndexOf("Mã"), table.Columns.IndexOf("HỌ VÀ TÊN"), table.Columns.IndexOf("Ghi chu"));
        Assert.Equal(["dv001", "Nguyễn Văn A", "Dòng 1\r\nDòng 2"], [table.Rows[0][code], table.Rows[0][name], table.Rows[0][note]]);
        Assert.Equal(["DV002", "Trần Thị B", string.Empty], [table.Rows[1][code], table.Rows[1][name], table.Rows[1][note]]);
        Assert.Equal(-1, table.Columns.IndexOf("Không có"));
        Assert.Equal(string.Empty, table.Rows[0][-1]);
        AssertSameAsMiniExcel(xlsx);
    }

    [Fact]
    public void Cells_go_by_their_reference_so_missing_cells_are_empty_and_unheaded_columns_are_ignored()
    {
        var xlsx = Workbook(
            """
            <dimension ref="A1:F4"/>
            <sheetViews><sheetView workbookViewId="0"/></sheetViews>
            <sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="C1" t="inlineStr"><is><t>Năm</t></is></c><c r="D1" t="inlineStr"><is><t>  </t></is></c><c r="E1" t="inlineStr"><is><t>MA</t></is></c></row>
            <row r="2"><c r="C2"><v>2021</v></c><c r="A2" t="inlineStr"><is><t>trái</t></is></c><c r="B2" t="inlineStr"><is><t>không tiêu đề</t></is></c><c r="E2" t="inlineStr"><is><t>phải</t></is></c><c r="F2"><v>7</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>chỉ cột trái</t></is></c></row>
            <row r="4"><c r="B4" t="inlineStr"><is><t>chỉ cột không tiêu đề</t></is></c><c r="F4"><v>1</v></c></row>
            </sheetData>
            """,
            wrapInSheetData: false);

        var table = ReadTable(xlsx);

        // "Mã" and "MA" fold to the same header: the right-most column is the one read, as before; row 3 has text only
        // in the shadowed column, so it is not blank; row 4 has text only in unheaded columns, so it is.
        Assert.Equal(2, table.Columns.Count);
        var (code, year) = (table.Columns.IndexOf("Mã"), table.Columns.IndexOf("Năm"));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
        Assert.Equal(["phải", "2021"], [table.Rows[0][code], table.Rows[0][year]]);
        Assert.Equal([string.Empty, string.Empty], [table.Rows[1][code], table.Rows[1][year]]);
        AssertSameAsMiniExcel(xlsx);
    }

    [Fact]
    public void Cells_without_a_reference_follow_the_previous_cell_even_where_the_sheet_declares_its_dimension()
    {
        // Once the sheet declared its dimension, MiniExcel put such a cell in the previous cell's column (column A when no
        // cell of the row had a reference), so this file lost columns; they go left to right here.
        var xlsx = Workbook(
            """
            <dimension ref="A1:C2"/>
            <sheetData>
            <row><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Tên</t></is></c><c t="inlineStr"><is><t>Năm</t></is></c></row>
            <row><c t="inlineStr"><is><t>DV001</t></is></c><c r="C2"><v>2024</v></c></row>
            <row><c t="inlineStr"><is><t>DV002</t></is></c><c t="inlineStr"><is><t>B</t></is></c><c><v>2023</v></c></row>
            </sheetData>
            """,
            wrapInSheetData: false);

        var rows = Spreadsheet.Read(new MemoryStream(xlsx), 100).Value;

        Assert.Equal([2, 3], rows.Select(r => r.Number));
        Assert.Equal(["DV001", string.Empty, "2024"], [rows[0].Get("Mã"), rows[0].Get("Tên"), rows[0].Get("Năm")]);
        Assert.Equal(["DV002", "B", "2023"], [rows[1].Get("Mã"), rows[1].Get("Tên"), rows[1].Get("Năm")]);
        Assert.Equal(["ma", "nam", "ten"], rows[0].Cells.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Numbers_dates_booleans_and_errors_read_as_the_import_screens_always_saw_them()
    {
        var xlsx = Workbook(
            """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Giá trị</t></is></c></row>
            <row r="2"><c r="A2"><v>2021</v></c></row>
            <row r="3"><c r="A3" t="n"><v>1.50</v></c></row>
            <row r="4"><c r="A4"><v>1E3</v></c></row>
            <row r="5"><c r="A5"><v>0.1</v></c></row>
            <row r="6"><c r="A6" s="1"><v>45658</v></c></row>
            <row r="7"><c r="A7" s="2"><v>45717.75</v></c></row>
            <row r="8"><c r="A8" s="3"><v>0.5</v></c></row>
            <row r="9"><c r="A9" s="4"><v>2021</v></c></row>
            <row r="10"><c r="A10" t="d"><v>2024-03-05</v></c></row>
            <row r="11"><c r="A11" t="b"><v>1</v></c></row>
            <row r="12"><c r="A12" t="b"><v>0</v></c></row>
            <row r="13"><c r="A13" t="e"><v>#N/A</v></c></row>
            <row r="14"><c r="A14" t="str"><f>A2*2</f><v>4042</v></c></row>
            <row r="15"><c r="A15"><v> 12 </v></c></row>
            """,
            styles: """
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="49"/></cellXfs>
            """);

        var rows = Spreadsheet.Read(new MemoryStream(xlsx), 100).Value;

        Assert.Equal(
            ["2021", "1.5", "1000", "0.1", "01/01/2025", "01/03/2025", "12:00:00", "2021", "05/03/2024", "True", "False", "#N/A", "4042", "12"],
            rows.Select(r => r.Get("Giá trị")));
        AssertSameAsMiniExcel(xlsx);
    }

    [Fact]
    public void Blank_rows_are_skipped_but_keep_their_numbers()
    {
        var xlsx = Workbook(
            """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>DV001</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>   </t></is></c><c r="B3" t="inlineStr"><is><t>ngoài bảng</t></is></c></row>
            <row r="4"/>
            <row r="7"><c r="A7" t="inlineStr"><is><t>DV002</t></is></c></row>
            <row><c t="inlineStr"><is><t>DV003</t></is></c></row>
            """);

        var table = ReadTable(xlsx);

        Assert.Equal([2, 7, 8], table.Rows.Select(r => r.Number));
        Assert.Equal(["DV001", "DV002", "DV003"], table.Rows.Select(r => r[0]));
        AssertSameAsMiniExcel(xlsx);
    }

    [Fact]
    public void A_sheet_without_row_1_has_no_header_so_all_its_rows_are_blank()
    {
        var table = ReadTable(Workbook("""<row r="2"><c r="A2" t="inlineStr"><is><t>Mã</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>DV001</t></is></c></row>"""));

        Assert.Equal(0, table.Columns.Count);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void A_row_numbered_past_the_limit_is_refused_even_where_the_workbook_check_lets_the_file_through()
    {
        // Three row elements and no reference above 3 pass WorkbookLimits for 2 data rows; the last row is row 4.
        var xlsx = Workbook(
            """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>DV001</t></is></c></row>
            <row><c t="inlineStr"><is><t>DV002</t></is></c></row>
            """);

        var read = Spreadsheet.ReadTable(new MemoryStream(xlsx), 2);

        Assert.Equal("Tệp có quá nhiều dòng (tối đa 2 dòng dữ liệu).", Assert.Single(read.Errors).Message);
        Assert.True(Spreadsheet.ReadTable(new MemoryStream(xlsx), 3).IsSuccess);
    }

    public static TheoryData<string> UnreadableWorkbooks() => new()
    {
        "not a zip",
        "truncated sheet",
        "no worksheet",
        "shared string without the shared strings part",
        "text inside a value",
    };

    [Theory]
    [MemberData(nameof(UnreadableWorkbooks))]
    public void An_unreadable_workbook_gets_the_Vietnamese_message(string kind)
    {
        var header = """<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row>""";
        var xlsx = kind switch
        {
            "not a zip" => Encoding.UTF8.GetBytes("PK\u0003\u0004 này không phải tệp nén"),
            "truncated sheet" => Workbook(header + """<row r="2"><c r="A2" t="inlineStr"><is><t>DV0"""),
            "no worksheet" => Workbook(header, sheetPath: "xl/worksheets/data.xml"),
            "shared string without the shared strings part" => Workbook(header + """<row r="2"><c r="A2" t="s"><v>0</v></c></row>""", sharedStrings: null, withSharedStrings: false),
            _ => Workbook(header + """<row r="2"><c r="A2"><v>12<b>3</b></v></c></row>"""),
        };

        var read = Spreadsheet.ReadTable(new MemoryStream(xlsx), 100);

        Assert.Equal(Unreadable, Assert.Single(read.Errors).Message);
        Assert.Equal(Unreadable, Assert.Single(Spreadsheet.Read(new MemoryStream(xlsx), 100).Errors).Message);
    }

    [Fact]
    public void An_empty_sheet_says_it_has_no_data()
    {
        Assert.Equal("Tệp không có dữ liệu.", Assert.Single(Spreadsheet.ReadTable(new MemoryStream(Workbook(string.Empty)), 100).Errors).Message);
    }

    [Fact]
    public void The_first_of_several_sheets_is_the_one_read()
    {
        var xlsx = Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>DV001</t></is></c></row>""",
            extraSheet: """<row r="1"><c r="A1" t="inlineStr"><is><t>Khác</t></is></c></row>""");

        var table = ReadTable(xlsx);

        Assert.Equal("DV001", Assert.Single(table.Rows)[table.Columns.IndexOf("Mã")]);
    }

    [Fact]
    public void Reads_what_MiniExcel_dynamic_rows_gave_for_the_project_own_workbooks()
    {
        IReadOnlyList<object?>[] rows =
        [
            ["DV001", "Đảng viên", 2021, "Hoàn thành tốt nhiệm vụ", 1.25, true, new DateTime(2024, 3, 5), null],
            [null, null, null, null, null, null, null, null],
            ["  dv002 ", "Tổ chức đảng", 2022.0, "htxsnv", -3, false, new DateTime(1999, 12, 31), "=1+1"],
            ["A_x0041_B", "_X0041_", 0, string.Empty, 1e21, null, null, "x"],
        ];
        string[] headers = ["Mã", "Đối tượng", "Năm", "Xếp loại", "Số", "Có", "Ngày", "Ghi chú"];

        AssertSameAsMiniExcel(Spreadsheet.Write(headers, rows));
        AssertSameAsMiniExcel(XlsxStreamWriterTests.Bytes(XlsxStreamWriter.Write(headers, rows, maxRows: 100)));
        using var miniExcel = new MemoryStream();
        miniExcel.SaveAs(rows.Select(row => headers.Select((h, i) => (h, row[i])).ToDictionary(p => p.h, p => p.Item2)).ToList());
        AssertSameAsMiniExcel(miniExcel.ToArray());
    }

    [Fact]
    public void Reads_what_MiniExcel_dynamic_rows_gave_for_generated_sheets()
    {
        var text = Gen.OneOf("DV001", " dv002 ", "Đảng viên", "Hoàn thành tốt nhiệm vụ", "a_x0041_b", "_X0041_", "  ", "2021", "1,5", "TRUE", "x&y<z>", "Dòng\u00A0cách");
        var cell = Gen.Frequency<string>(
            (3, text.Select(t => $"""t="inlineStr"><is><t xml:space="preserve">{System.Security.SecurityElement.Escape(t)}</t></is>""")),
            (3, Gen.Int[0, 11].Select(i => $"""t="s"><v>{i}</v>""")),
            (3, Gen.OneOf("2021", "1.5", "-0.25", "1E3", "45658", "0.5", "abc", " 7 ").Select(v => $"><v>{v}</v>")),
            (2, Gen.Int[1, 4].Select(s => $"""s="{s}"><v>45658.5</v>""")),
            (1, Gen.OneOf("0", "1").Select(v => $"""t="b"><v>{v}</v>""")),
            (1, Gen.OneOf("2024-03-05", "05/03/2024").Select(v => $"""t="d"><v>{v}</v>""")),
            (1, Gen.Const("/>")));
        var sheet = Gen.Int[0, 6].Array[4, 4].Select(cell.Array[4, 4], (columns, cells) => (columns, cells)).Array[1, 8];
        sheet.Sample(rows =>
        {
            var xml = new StringBuilder("""<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Năm</t></is></c><c r="E1" t="inlineStr"><is><t>ma</t></is></c></row>""");
            var number = 1;
            foreach (var (columns, cells) in rows)
            {
                number += 1 + (columns[0] % 2);
                xml.Append(CultureInfo.InvariantCulture, $"""<row r="{number}">""");
                foreach (var column in columns.Distinct().Order())
                {
                    var reference = (char)('A' + column) + number.ToString(CultureInfo.InvariantCulture);
                    xml.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}" {cells[column % 4]}""").Append(cells[column % 4].EndsWith("/>", StringComparison.Ordinal) ? string.Empty : "</c>");
                }

                xml.Append("</row>");
            }

            AssertSameAsMiniExcel(Workbook(
                xml.ToString(),
                sharedStrings: string.Concat(Enumerable.Range(0, 12).Select(i => $"""<si><t xml:space="preserve">{(i == 1 ? "Họ và tên" : i % 3 == 0 ? " dv00" + i : "Giá trị " + i)}</t></si>""")),
                styles: """<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="21"/><xf numFmtId="4"/></cellXfs>"""));
        }, iter: 300);
    }

    private static SheetTable ReadTable(byte[] xlsx)
    {
        var read = Spreadsheet.ReadTable(new MemoryStream(xlsx), 100);
        Assert.True(read.IsSuccess, string.Join(" ", read.Errors.Select(e => e.Message)));
        return read.Value;
    }

    /// <summary>The reader's rows against those of the MiniExcel reading it replaced (the former Spreadsheet.Read).</summary>
    private static void AssertSameAsMiniExcel(byte[] xlsx)
    {
        var expected = MiniExcelRows(xlsx);
        var actual = Spreadsheet.Read(new MemoryStream(xlsx), 100);
        Assert.True(actual.IsSuccess, string.Join(" ", actual.Errors.Select(e => e.Message)));
        Assert.Equal(expected.Select(r => r.Number), actual.Value.Select(r => r.Number));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Cells.OrderBy(c => c.Key, StringComparer.Ordinal), actual.Value[i].Cells.OrderBy(c => c.Key, StringComparer.Ordinal));
        }
    }

    private static List<(int Number, Dictionary<string, string> Cells)> MiniExcelRows(byte[] xlsx)
    {
        var rows = new List<(int, Dictionary<string, string>)>();
        Dictionary<string, string>? headers = null;
        var number = 0;
        foreach (IDictionary<string, object?> row in new MemoryStream(xlsx).Query(useHeaderRow: false))
        {
            number++;
            if (headers is null)
            {
                headers = row.ToDictionary(kv => kv.Key, kv => VietnameseText.Fold(Convert.ToString(kv.Value, CultureInfo.InvariantCulture)));
                continue;
            }

            var cells = new Dictionary<string, string>();
            var any = false;
            foreach (var (column, value) in row)
            {
                if (headers.TryGetValue(column, out var header) && header.Length > 0)
                {
                    var text = value switch
                    {
                        null => string.Empty,
                        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                        double d => d.ToString(CultureInfo.InvariantCulture),
                        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim(),
                    };
                    cells[header] = text;
                    any |= text.Length > 0;
                }
            }

            if (any)
            {
                rows.Add((number, cells));
            }
        }

        return rows;
    }

    /// <summary>A minimal XLSX: one sheet (or two), optional shared strings and number formats.</summary>
    private static byte[] Workbook(
        string rows, string? sharedStrings = null, string? styles = null, bool wrapInSheetData = true, string sheetPath = "xl/worksheets/sheet1.xml",
        bool withSharedStrings = true, string? extraSheet = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Text(string name, string text)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }

            const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Text("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>""");
            Text("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            var second = extraSheet is null ? string.Empty : """<sheet name="Khác" sheetId="2" r:id="rId9"/>""";
            Text("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/>{second}</sheets></workbook>""");
            var secondTarget = extraSheet is null ? string.Empty : $"""<Relationship Id="rId9" Type="{Relationships}/worksheet" Target="worksheets/sheet2.xml"/>""";
            Text("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{secondTarget}<Relationship Id="rId1" Type="{Relationships}/worksheet" Target="{sheetPath["xl/".Length..]}"/></Relationships>""");
            if (extraSheet is not null)
            {
                // Written first in the package: the workbook, not the ZIP order, says which sheet comes first.
                Text("xl/worksheets/sheet2.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{extraSheet}</sheetData></worksheet>""");
            }

            Text(sheetPath, $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}">{(wrapInSheetData ? $"<sheetData>{rows}</sheetData>" : rows)}</worksheet>""");
            if (withSharedStrings)
            {
                Text("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}">{sharedStrings}</sst>""");
            }

            Text("xl/styles.xml", $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{Main}">{styles ?? """<cellXfs count="1"><xf numFmtId="0"/></cellXfs>"""}</styleSheet>""");
        }

        return buffer.ToArray();
    }
}
