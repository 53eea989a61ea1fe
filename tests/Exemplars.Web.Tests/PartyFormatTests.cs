using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Exemplars.Web.Infrastructure.Documents;

namespace Exemplars.Web.Tests;

/// <summary>Each named format rule of <see cref="PartyFormat"/>, read back from the generated document.xml.</summary>
public sealed class PartyFormatTests
{
    internal static readonly PartyDocumentModel Model = new(
        ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "*"],
        "01-QĐ/ĐUĐ",
        "Quảng Ngãi",
        new DateOnly(2025, 5, 5),
        "QUYẾT ĐỊNH",
        "về việc tặng Giấy khen",
        ["BAN THƯỜNG VỤ ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "QUYẾT ĐỊNH:", "Điều 1. Tặng Giấy khen (có danh sách kèm theo)."],
        null,
        null,
        ["Điều 2. Quyết định có hiệu lực kể từ ngày ký."],
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Phạm Thị Tố Loan",
        ["Như Điều 3,", "Lưu Văn phòng."],
        new AttachedList("tập thể, cá nhân được tặng Giấy khen", "(Kèm theo Quyết định số 01-QĐ/ĐUĐ, ngày 05/5/2025 của Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh)",
            ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị công tác"], [["1", "Đồng chí Nguyễn Văn An", "Phó Giám đốc, Sở Tài chính"]]),
        "<h3>1. Kết quả</h3><p>Đạt <strong>xuất sắc</strong> và <em>sáng tạo</em>, <u>vượt</u> kế hoạch.<br>Dòng hai.</p><ul><li>Mục một</li><li>Mục hai</li></ul><ol><li>Bước một</li></ol><table><tr><th>Năm</th><th>Kết quả</th></tr><tr><td>2024</td><td>Hoàn thành xuất sắc</td></tr></table><blockquote><p>Trích dẫn.</p></blockquote>");

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static Run RunWith(Body body, string text) =>
        body.Descendants<Run>().First(r => r.InnerText == text);

    private static string? Size(Run run) => run.RunProperties?.FontSize?.Val?.Value;

    private static bool Bold(Run run) => run.RunProperties?.Bold is not null;

    [Fact]
    public void The_package_is_valid_and_dates_follow_the_zero_rule()
    {
        using var word = Open(PartyDocx.Write(Model));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Contains("Quảng Ngãi, ngày 05 tháng 5 năm 2025", body.InnerText, StringComparison.Ordinal);
        using var january = Open(PartyDocx.Write(Model with { Date = new DateOnly(2026, 1, 9) }));
        Assert.Contains("ngày 09 tháng 01 năm 2026", january.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        using var december = Open(PartyDocx.Write(Model with { Date = new DateOnly(2026, 12, 10) }));
        Assert.Contains("ngày 10 tháng 12 năm 2026", december.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Issuer_lines_come_from_the_model_superior_regular_and_issuer_bold()
    {
        using var word = Open(PartyDocx.Write(Model));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.False(Bold(RunWith(body, "ĐẢNG BỘ TỈNH QUẢNG NGÃI")));
        Assert.True(Bold(RunWith(body, "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH")));
        Assert.NotNull(RunWith(body, "Số 01-QĐ/ĐUĐ"));
        Assert.DoesNotContain("KHỐI", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_name_is_15_pt_bold_and_the_motto_15_pt_bold_underlined()
    {
        using var word = Open(PartyDocx.Write(Model));
        var body = word.MainDocumentPart!.Document.Body!;
        var title = body.Descendants<Run>().First(r => r.InnerText == "QUYẾT ĐỊNH" && r.RunProperties?.FontSize is not null);
        Assert.Equal("30", Size(title));
        Assert.True(Bold(title));
        var motto = RunWith(body, "ĐẢNG CỘNG SẢN VIỆT NAM");
        Assert.Equal("30", Size(motto));
        Assert.NotNull(motto.RunProperties!.Underline);
    }

    [Fact]
    public void Signature_block_has_authority_bold_position_regular_name_bold()
    {
        using var word = Open(PartyDocx.Write(Model));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.True(Bold(RunWith(body, "T/M BAN THƯỜNG VỤ")));
        Assert.False(Bold(RunWith(body, "PHÓ BÍ THƯ")));
        Assert.True(Bold(RunWith(body, "Phạm Thị Tố Loan")));
    }

    [Fact]
    public void Recipients_heading_is_14_pt_regular_underlined_and_recipients_12_pt()
    {
        using var word = Open(PartyDocx.Write(Model));
        var body = word.MainDocumentPart!.Document.Body!;
        var heading = RunWith(body, "Nơi nhận:");
        Assert.Equal("28", Size(heading));
        Assert.False(Bold(heading));
        Assert.Equal(UnderlineValues.Single, heading.RunProperties!.Underline!.Val!.Value);
        Assert.Equal("24", Size(RunWith(body, "- Như Điều 3,")));
        Assert.Equal("24", Size(RunWith(body, "- Lưu Văn phòng.")));
    }

    [Fact]
    public void Page_numbers_are_a_centred_PAGE_field_in_the_header_shown_from_the_second_page()
    {
        using var word = Open(PartyDocx.Write(Model));
        var main = word.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var references = section.Elements<HeaderReference>().ToDictionary(h => h.Type!.Value, h => h.Id!.Value!);
        var first = (HeaderPart)main.GetPartById(references[HeaderFooterValues.First]);
        var others = (HeaderPart)main.GetPartById(references[HeaderFooterValues.Default]);
        Assert.Empty(first.Header!.Descendants<SimpleField>());
        var field = Assert.Single(others.Header!.Descendants<SimpleField>());
        Assert.Equal("PAGE", field.Instruction!.Value!.Trim());
        Assert.Equal(JustificationValues.Center, others.Header.Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(NumberFormatValues.Decimal, section.GetFirstChild<PageNumberType>()!.Format!.Value);
    }

    [Fact]
    public void The_attached_list_is_on_its_own_page_after_the_signature()
    {
        using var word = Open(PartyDocx.Write(Model));
        var blocks = word.MainDocumentPart!.Document.Body!.ChildElements.ToList();
        var signature = blocks.FindIndex(b => b is Table && b.InnerText.Contains("T/M BAN THƯỜNG VỤ", StringComparison.Ordinal));
        var pageBreak = blocks.FindIndex(b => b.Descendants<Break>().Any(br => br.Type?.Value == BreakValues.Page));
        var heading = blocks.FindIndex(b => b.InnerText == "DANH SÁCH");
        var list = blocks.FindIndex(b => b is Table && b.InnerText.Contains("Đồng chí Nguyễn Văn An", StringComparison.Ordinal));
        Assert.True(signature >= 0 && signature < pageBreak && pageBreak < heading && heading < list, $"{signature} {pageBreak} {heading} {list}");
        Assert.Contains(blocks, b => b.InnerText.StartsWith("(Kèm theo Quyết định số 01-QĐ/ĐUĐ, ngày 05/5/2025", StringComparison.Ordinal));
        Assert.DoesNotContain(blocks.Take(signature), b => b.InnerText.Contains("Nguyễn Văn An", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_repeat_their_heading_row_keep_each_row_whole_and_centre_the_figures()
    {
        using var word = Open(PartyDocx.Write(Model with
        {
            TableHeader = ["STT", "Tập thể, cá nhân", "Phiếu đồng ý", "Tỷ lệ so với tổng số ủy viên", "Kết quả"],
            TableRows = [["1", "Lê Thị Vân (cá nhân)", "8", "8/9 (88,89%)", "Đạt"]],
        }));
        var table = word.MainDocumentPart!.Document.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Phiếu đồng ý", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
        JustificationValues Alignment(string text) => rows[1].Elements<TableCell>().Single(c => c.InnerText == text).Descendants<Justification>().Single().Val!.Value;
        Assert.Equal(JustificationValues.Center, Alignment("8"));
        Assert.Equal(JustificationValues.Center, Alignment("8/9 (88,89%)"));
        Assert.Equal(JustificationValues.Left, Alignment("Lê Thị Vân (cá nhân)"));
        // The figure columns get room enough for "8/9 (88,89%)" on one line: wider than the old 1550 twips.
        Assert.True(int.Parse(table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().ElementAt(3).Width!.Value!, System.Globalization.CultureInfo.InvariantCulture) > 1700);
    }

    [Fact]
    public void Group_rows_of_an_attached_list_are_bold_and_its_people_regular()
    {
        var list = Model.Attached! with { Rows = [["I", "TẬP THỂ", ""], ["1", "Chi bộ Báo tỉnh", ""], ["II", "CÁ NHÂN", ""], ["1", "Đồng chí Nguyễn Văn An", "Phó Giám đốc, Sở Tài chính"]] };
        using var word = Open(PartyDocx.Write(Model with { Attached = list }));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.True(Bold(RunWith(body, "TẬP THỂ")));
        Assert.True(Bold(RunWith(body, "II")));
        Assert.False(Bold(RunWith(body, "Chi bộ Báo tỉnh")));
        Assert.False(Bold(RunWith(body, "Đồng chí Nguyễn Văn An")));
    }

    [Fact]
    public void Headings_keep_with_their_text_and_the_signature_block_is_never_split()
    {
        using var word = Open(PartyDocx.Write(Model with { Sections = [new DocumentSection("3. Kết quả đạt được", "<p>Nội dung.</p>")] }));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.NotNull(body.Elements<Paragraph>().Single(p => p.InnerText == "QUYẾT ĐỊNH:").ParagraphProperties!.KeepNext);
        Assert.NotNull(body.Elements<Paragraph>().Single(p => p.InnerText == "3. Kết quả đạt được").ParagraphProperties!.KeepNext);
        Assert.Null(body.Elements<Paragraph>().First(p => p.InnerText.StartsWith("Điều 1.", StringComparison.Ordinal)).ParagraphProperties!.KeepNext);
        var signature = body.Elements<Table>().Single(t => t.InnerText.Contains("T/M BAN THƯỜNG VỤ", StringComparison.Ordinal));
        Assert.NotNull(signature.Elements<TableRow>().Single().TableRowProperties?.GetFirstChild<CantSplit>());
        // The last paragraph before it goes along with it: the signature never stands alone on a page.
        var blocks = body.ChildElements.ToList();
        Assert.NotNull(((Paragraph)blocks[blocks.IndexOf(signature) - 1]).ParagraphProperties!.KeepNext);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description));
    }

    [Fact]
    public void Lines_ended_by_a_manual_break_are_not_stretched_in_justified_text()
    {
        using var word = Open(PartyDocx.Write(Model));
        var compatibility = word.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<Compatibility>();
        Assert.NotNull(compatibility?.GetFirstChild<DoNotExpandShiftReturn>());
    }

    [Fact]
    public void The_detailed_report_html_becomes_word_headings_runs_lists_and_tables()
    {
        using var word = Open(PartyDocx.Write(Model));
        var main = word.MainDocumentPart!;
        var body = main.Document.Body!;
        Assert.True(Bold(RunWith(body, "1. Kết quả")));
        Assert.True(Bold(RunWith(body, "xuất sắc")));
        Assert.NotNull(RunWith(body, "sáng tạo").RunProperties!.Italic);
        Assert.NotNull(RunWith(body, "vượt").RunProperties!.Underline);
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText.StartsWith("Đạt", StringComparison.Ordinal) && p.Descendants<Break>().Any());
        var items = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(["Mục một", "Mục hai", "Bước một"], items.Select(p => p.InnerText));
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        var bulletNum = items[0].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var decimalNum = items[2].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        int Abstract(int num) => numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == num).AbstractNumId!.Val!.Value;
        NumberFormatValues Format(int num) => numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == Abstract(num)).Descendants<NumberingFormat>().Single().Val!.Value;
        Assert.Equal(NumberFormatValues.Bullet, Format(bulletNum));
        Assert.Equal(NumberFormatValues.Decimal, Format(decimalNum));
        var table = body.Elements<Table>().Single(t => t.InnerText.Contains("Hoàn thành xuất sắc", StringComparison.Ordinal));
        Assert.Equal(2, table.Elements<TableRow>().Count());
        Assert.True(Bold(table.Descendants<Run>().First(r => r.InnerText == "Năm")));
        Assert.NotNull(RunWith(body, "Trích dẫn.").RunProperties!.Italic);
        Assert.DoesNotContain("<", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibreOffice_numbers_the_pages_from_the_second_and_puts_the_list_there()
    {
        var folder = Directory.CreateTempSubdirectory("exemplars-format-");
        try
        {
            var docx = Path.Combine(folder.FullName, "quyet-dinh.docx");
            await File.WriteAllBytesAsync(docx, PartyDocx.Write(Model));
            var text = await Office.ToPdfText(docx, folder.FullName);
            Assert.Contains("Quảng Ngãi, ngày 05 tháng 5 năm 2025", text, StringComparison.Ordinal);
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.Matches(@"Pages:\s+2\b", await Office.Run("pdfinfo", $"\"{pdf}\""));
            async Task<string[]> Page(int n)
            {
                var txt = Path.Combine(folder.FullName, $"p{n}.txt");
                await Office.Run("pdftotext", $"-f {n} -l {n} -layout \"{pdf}\" \"{txt}\"");
                return (await File.ReadAllTextAsync(txt)).Split('\n').Where(l => l.Trim().Length > 0).ToArray();
            }

            var first = await Page(1);
            var second = await Page(2);
            Assert.Contains("ĐẢNG BỘ TỈNH QUẢNG NGÃI", first[0], StringComparison.Ordinal);
            Assert.Equal("2", second[0].Trim());
            Assert.Equal("DANH SÁCH", second[1].Trim());
            Assert.DoesNotContain(first, l => l.Contains("Nguyễn Văn An", StringComparison.Ordinal));
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("EXEMPLARS_KEEP_DOCUMENTS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var file in folder.GetFiles("*.pdf"))
                {
                    file.CopyTo(Path.Combine(keep, "mau-quyet-dinh.pdf"), overwrite: true);
                }
            }

            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_shipped_fonts_carry_their_licence()
    {
        var licence = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fonts", "OFL.txt"));
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", licence, StringComparison.Ordinal);
        Assert.Contains("Reserved Font Name Liberation", licence, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_lines_wrap_by_measured_width()
    {
        using var pdf = new CertificatePdf();
        const string text = "Đã có thành tích tiêu biểu, xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2025, góp phần hoàn thành xuất sắc nhiệm vụ chính trị của đơn vị.";
        var lines = CertificatePdf.Wrap(pdf.Regular, 15, text, 400);
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(pdf.Measure(false, 15, l) <= 400, l));
        Assert.Equal(text, string.Join(' ', lines));
        // Wide capitals take more room than narrow letters of the same count: the break follows width, not characters.
        var wide = CertificatePdf.Wrap(pdf.Regular, 15, string.Join(' ', Enumerable.Repeat("MMMMM", 20)), 400);
        var narrow = CertificatePdf.Wrap(pdf.Regular, 15, string.Join(' ', Enumerable.Repeat("iiiii", 20)), 400);
        Assert.True(wide.Count > narrow.Count);
    }
}
