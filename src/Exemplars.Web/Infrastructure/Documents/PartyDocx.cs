using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Exemplars.Domain.Documents;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>
/// A party document laid out as Hướng dẫn 36-HD/VPTW asks (rules named in <see cref="PartyFormat"/>): issuing body top
/// left with its number, "ĐẢNG CỘNG SẢN VIỆT NAM" top right underlined over the italic place-and-date line, the type name
/// 15 pt bold, Times New Roman 14 on A4 with margins 20/20/30/15 mm, page numbers from page 2 centred in the top margin,
/// the signature block on the right (authority bold, position regular, name bold) and "Nơi nhận" on the left, an
/// attached list on its own page after the signature. Read model in, bytes out.
/// </summary>
public sealed record PartyDocumentModel(
    IReadOnlyList<string> IssuerLines,
    string Number,
    string Place,
    DateOnly Date,
    string Title,
    string? Subject,
    IReadOnlyList<string> Body,
    IReadOnlyList<string>? TableHeader,
    IReadOnlyList<IReadOnlyList<string>>? TableRows,
    IReadOnlyList<string> BodyAfterTable,
    string SignatureOnBehalf,
    string SignatureTitle,
    string Signer,
    IReadOnlyList<string> Recipients,
    AttachedList? Attached = null,
    string? BodyHtml = null,
    IReadOnlyList<DocumentSection>? Sections = null);

/// <summary>A numbered section after the table: its heading as a bold paragraph, then its edited rich text.</summary>
public sealed record DocumentSection(string Heading, string Html);

/// <summary>
/// A list attached to a decision or submission: on its own page after the signature, headed "DANH SÁCH …" with the
/// "(Kèm theo … số …, ngày … của …)" line under it.
/// </summary>
public sealed record AttachedList(string Heading, string Note, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

public static class PartyDocx
{
    private const string Font = PartyFormat.Font;
    private const int Size = PartyFormat.BodySize;

    public static byte[] Write(PartyDocumentModel model) => WriteMany([model]);

    /// <summary>
    /// Several documents of one kind in one file (the invitations of a ceremony, one per guest): each in its own section
    /// starting on a new page, its pages numbered from 1 (none on its first page), laid out exactly as <see cref="Write"/>.
    /// </summary>
    public static byte[] WriteMany(IReadOnlyList<PartyDocumentModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("At least one document.", nameof(models));
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var (firstHeader, pageHeader) = AddPageNumberHeaders(main);
            var body = new Body();
            for (var i = 0; i < models.Count; i++)
            {
                AppendDocument(main, body, models[i]);
                var last = i == models.Count - 1;
                var section = Section(main, firstHeader, pageHeader, restart: models.Count > 1, nextPage: !last);
                if (!last)
                {
                    // A section break after each document but the last, whose section properties close the body.
                    body.Append(new Paragraph(new ParagraphProperties(section)));
                }
                else
                {
                    body.Append(section);
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static SectionProperties Section(MainDocumentPart main, HeaderPart firstHeader, HeaderPart pageHeader, bool restart, bool nextPage)
    {
        // Rule "page numbers": none on the first page (titlePg with an empty first-page header), Arabic numerals
        // centred in the top margin from the second page on.
        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(pageHeader) });
        if (nextPage)
        {
            // Schema order of w:sectPr: the header references, then w:type, then the page size.
            section.Append(new SectionType { Val = SectionMarkValues.NextPage });
        }

        section.Append(
            new PageSize { Width = PartyFormat.PageWidth, Height = PartyFormat.PageHeight },
            new PageMargin { Top = PartyFormat.MarginTop, Bottom = PartyFormat.MarginBottom, Left = PartyFormat.MarginLeft, Right = PartyFormat.MarginRight, Header = 567U, Footer = 567U, Gutter = 0U },
            restart ? new PageNumberType { Format = NumberFormatValues.Decimal, Start = 1 } : new PageNumberType { Format = NumberFormatValues.Decimal },
            new TitlePage());
        return section;
    }

    private static void AppendDocument(MainDocumentPart main, Body body, PartyDocumentModel model)
    {
        body.Append(HeaderTable(model));
        body.Append(Centered(model.Title, bold: true, spacingBefore: 360, size: PartyFormat.TypeNameSize));
        if (model.Subject is not null)
        {
            body.Append(Centered(model.Subject, bold: true, spacingBefore: 0, size: PartyFormat.SubjectSize));
        }

        body.Append(Centered("-----", bold: false, spacingBefore: 0));
        foreach (var paragraph in model.Body)
        {
            // A line in capitals is a heading of the text ("BAN THƯỜNG VỤ …", "QUYẾT ĐỊNH:"): bold and centred.
            body.Append(IsHeading(paragraph) ? Centered(paragraph, bold: true, spacingBefore: 120, keepNext: true) : Justified(paragraph));
        }

        if (model.BodyHtml is { Length: > 0 } html)
        {
            body.Append(HtmlToWord.Convert(main, html));
        }

        if (model.TableHeader is { } header && model.TableRows is { } rows)
        {
            body.Append(ListTable(header, rows));
        }

        foreach (var paragraph in model.BodyAfterTable)
        {
            body.Append(Justified(paragraph));
        }

        foreach (var section in model.Sections ?? [])
        {
            body.Append(Justified(section.Heading, bold: true, keepNext: true));
            body.Append(HtmlToWord.Convert(main, section.Html));
        }

        // The signature never stands alone on a page: the last paragraph of the text goes with it.
        if (body.LastChild is Paragraph last)
        {
            last.ParagraphProperties ??= new ParagraphProperties();
            last.ParagraphProperties.KeepNext = new KeepNext();
        }

        body.Append(SignatureTable(model));
        if (model.Attached is { } attached)
        {
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Centered("DANH SÁCH", bold: true, spacingBefore: 0, size: PartyFormat.TypeNameSize));
            body.Append(Centered(attached.Heading, bold: true, spacingBefore: 0, size: PartyFormat.SubjectSize));
            body.Append(Line(JustificationValues.Center, Text(attached.Note, italic: true)));
            body.Append(Centered("-----", bold: false, spacingBefore: 0));
            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "120" })));
            body.Append(ListTable(attached.Header, attached.Rows));
        }
    }

    private static (HeaderPart First, HeaderPart Default) AddPageNumberHeaders(MainDocumentPart main)
    {
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();
        var pages = main.AddNewPart<HeaderPart>();
        var size = PartyFormat.PageNumberSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        pages.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new RunProperties(new FontSize { Val = size }), new Text("2"))) { Instruction = " PAGE " }));
        pages.Header.Save();
        return (first, pages);
    }

    private static bool IsHeading(string text) => text.Any(char.IsLetter) && text.Where(char.IsLetter).All(char.IsUpper) && text.Length > 3;

    /// <summary>
    /// Rule "line breaks in justified text": a line ended by a manual break (&lt;br&gt; of the detailed report) is not
    /// stretched across the width (doNotExpandShiftReturn, honoured by Word and LibreOffice).
    /// </summary>
    private static void AddSettings(MainDocumentPart main)
    {
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new Compatibility(new DoNotExpandShiftReturn()));
        settings.Settings.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = Size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = Size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static Run Text(string text, bool bold = false, bool italic = false, bool underline = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        // Schema order of w:rPr: b, i, …, sz, …, u.
        if (size is { } s)
        {
            properties.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Line(JustificationValues justification, params Run[] runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = justification }));
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>Rule "headings stay with their text": a heading (keepNext) never ends a page alone.</summary>
    private static ParagraphProperties Properties(bool keepNext, params OpenXmlElement[] rest)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(rest);
        return properties;
    }

    private static Paragraph Centered(string text, bool bold, int spacingBefore, int? size = null, bool keepNext = false)
    {
        var paragraph = new Paragraph(Properties(keepNext, new SpacingBetweenLines { Before = spacingBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new Justification { Val = JustificationValues.Center }));
        paragraph.Append(Text(text, bold, size: size));
        return paragraph;
    }

    private static Paragraph Justified(string text, bool bold = false, bool keepNext = false) =>
        new(Properties(
                keepNext,
                new SpacingBetweenLines { Before = "120", After = "0" },
                new Indentation { FirstLine = "567" },
                new Justification { Val = JustificationValues.Both }),
            Text(text, bold: bold));

    private static Table Borderless(params int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        return table;
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    private static Table HeaderTable(PartyDocumentModel model)
    {
        var table = Borderless(4300, 5055);
        var left = model.IssuerLines.Select((line, i) => Line(JustificationValues.Center, Text(line, bold: i == 1))).ToList();
        left.Add(Line(JustificationValues.Center, Text("Số " + model.Number)));
        var date = PartyDate.PlaceAndDate(model.Place, model.Date);
        var right = new List<OpenXmlElement>
        {
            Line(JustificationValues.Center, Text("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true, size: PartyFormat.MottoSize)),
            new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240" }, new Justification { Val = JustificationValues.Right }), Text(date, italic: true)),
        };
        table.Append(new TableRow(Cell(4300, [.. left]), Cell(5055, [.. right])));
        return table;
    }

    private static Table ListTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        // A narrow number column, a wide name column, the rest shared: names must not wrap into their neighbours, and
        // with several figure columns ("Phiếu đồng ý", "Tỷ lệ …") the name gives them room.
        const int total = 9355;
        const int numberWidth = 800;
        var nameWidth = header.Count > 3 ? (total - numberWidth) * 38 / 100 : header.Count > 2 ? (total - numberWidth) * 45 / 100 : total - numberWidth;
        var restWidth = header.Count > 2 ? (total - numberWidth - nameWidth) / (header.Count - 2) : 0;
        var widths = header.Select((_, i) => i == 0 ? numberWidth : i == 1 ? nameWidth : restWidth).ToList();
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        // Rule "tables across pages": the heading row repeats on every page, no row is cut in two, figures are centred.
        var heading = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        heading.Append(header.Select((h, i) => Cell(widths[i], Line(JustificationValues.Center, Text(h, bold: true, size: PartyFormat.TableSize)))));
        table.Append(heading);
        foreach (var row in rows)
        {
            // A group row ("I", "TẬP THỂ"; "II", "CÁ NHÂN") is bold.
            var group = row.Count > 0 && row[0].Length > 0 && row[0].All(c => c is 'I' or 'V' or 'X');
            var line = new TableRow(new TableRowProperties(new CantSplit()));
            line.Append(row.Select((value, i) => Cell(widths[i], Line(i == 0 || IsFigure(value) ? JustificationValues.Center : JustificationValues.Left, Text(value, bold: group, size: PartyFormat.TableSize)))));
            table.Append(line);
        }

        return table;
    }

    /// <summary>A count, a share or a ratio ("9", "8/9 (88,89%)"): no letters.</summary>
    private static bool IsFigure(string value) => value.Length > 0 && !value.Any(char.IsLetter);

    private static Table SignatureTable(PartyDocumentModel model)
    {
        var table = Borderless(4300, 5055);
        // Rule "Nơi nhận": the heading 14 pt regular underlined, the recipients 12 pt regular.
        var recipients = new List<OpenXmlElement> { new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "360" }), Text("Nơi nhận:", underline: true, size: PartyFormat.RecipientsHeadingSize)) };
        recipients.AddRange(model.Recipients.Select(r => Line(JustificationValues.Left, Text("- " + r, size: PartyFormat.RecipientsSize))));

        // Rule "signature block": authority bold, position regular, name bold.
        var signature = new List<OpenXmlElement>
        {
            new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "360" }, new Justification { Val = JustificationValues.Center }), Text(model.SignatureOnBehalf, bold: true)),
            Line(JustificationValues.Center, Text(model.SignatureTitle)),
            Line(JustificationValues.Center, Text(" ")),
            Line(JustificationValues.Center, Text(" ")),
            Line(JustificationValues.Center, Text(" ")),
            Line(JustificationValues.Center, Text(model.Signer, bold: true)),
        };
        // Rule "signature block": never split over two pages (the name would sit alone at the top of the next).
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(4300, [.. recipients]), Cell(5055, [.. signature])));
        return table;
    }
}
