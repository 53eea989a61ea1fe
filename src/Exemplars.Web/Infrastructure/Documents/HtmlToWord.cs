using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>
/// Turns the stored, sanitized HTML of a detailed report (p, br, strong/b, em/i, u, ul/ol/li, table, h3/h4, blockquote)
/// into real Word content: paragraphs with runs, numbered and bulleted lists from a numbering part, bordered tables,
/// bold headings, indented quotations. Anything else contributes its text only.
/// </summary>
public sealed class HtmlToWord
{
    private const int BulletAbstract = 1;
    private const int DecimalAbstract = 2;
    private readonly NumberingDefinitionsPart _numbering;
    private int _nextNumId = 1;

    private HtmlToWord(NumberingDefinitionsPart numbering) => _numbering = numbering;

    public static IReadOnlyList<OpenXmlElement> Convert(MainDocumentPart main, string html)
    {
        var numbering = main.NumberingDefinitionsPart ?? main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering ??= new Numbering(Abstract(BulletAbstract, NumberFormatValues.Bullet, "–"), Abstract(DecimalAbstract, NumberFormatValues.Decimal, "%1."));
        var converter = new HtmlToWord(numbering) { _nextNumId = numbering.Numbering.Elements<NumberingInstance>().Count() + 1 };
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var output = new List<OpenXmlElement>();
        converter.Blocks(document.Body!.ChildNodes, output, new Style(false, false, false), 0);
        numbering.Numbering.Save();
        return output;
    }

    private sealed record Style(bool Bold, bool Italic, bool Underline)
    {
        public Style With(string tag) => tag switch
        {
            "strong" or "b" => this with { Bold = true },
            "em" or "i" => this with { Italic = true },
            "u" => this with { Underline = true },
            _ => this,
        };
    }

    private static AbstractNum Abstract(int id, NumberFormatValues format, string text) =>
        new(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "993", Hanging = "284" }))
            { LevelIndex = 0 })
        { AbstractNumberId = id };

    private int NewList(bool ordered)
    {
        var id = _nextNumId++;
        var instance = new NumberingInstance(new AbstractNumId { Val = ordered ? DecimalAbstract : BulletAbstract }) { NumberID = id };
        if (ordered)
        {
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 });
        }

        _numbering.Numbering!.Append(instance);
        return id;
    }

    /// <summary>Block-level nodes into paragraphs and tables; loose inline content is gathered into a paragraph.</summary>
    private void Blocks(INodeList nodes, List<OpenXmlElement> output, Style style, int quoteDepth)
    {
        Paragraph? loose = null;
        foreach (var node in nodes)
        {
            var tag = (node as IElement)?.LocalName;
            switch (tag)
            {
                case "p" or "div":
                    loose = null;
                    output.Add(Paragraph((IElement)node, style, Justified(quoteDepth)));
                    break;
                case "h3" or "h4":
                    loose = null;
                    output.Add(Paragraph((IElement)node, style with { Bold = true }, new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "60" })));
                    break;
                case "blockquote":
                    loose = null;
                    Blocks(node.ChildNodes, output, style with { Italic = true }, quoteDepth + 1);
                    break;
                case "ul" or "ol":
                    loose = null;
                    var numId = NewList(tag == "ol");
                    foreach (var item in ((IElement)node).Children.Where(c => c.LocalName == "li"))
                    {
                        var properties = new ParagraphProperties(
                            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId }),
                            new SpacingBetweenLines { Before = "60" },
                            new Justification { Val = JustificationValues.Both });
                        output.Add(Paragraph(item, style, properties));
                    }

                    break;
                case "table":
                    loose = null;
                    output.Add(Table((IElement)node, style));
                    output.Add(new Paragraph());
                    break;
                default:
                    if (node is IText text && string.IsNullOrWhiteSpace(text.Data) && loose is null)
                    {
                        break;
                    }

                    if (loose is null)
                    {
                        loose = new Paragraph(Justified(quoteDepth));
                        output.Add(loose);
                    }

                    Inline(node, loose, style);
                    break;
            }
        }
    }

    private static ParagraphProperties Justified(int quoteDepth)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = "120" });
        properties.Append(quoteDepth > 0
            ? new Indentation { Left = (567 * quoteDepth).ToString(CultureInfo.InvariantCulture), Right = "567" }
            : new Indentation { FirstLine = "567" });
        properties.Append(new Justification { Val = JustificationValues.Both });
        return properties;
    }

    private static Paragraph Paragraph(IElement element, Style style, ParagraphProperties properties)
    {
        var paragraph = new Paragraph(properties);
        foreach (var child in element.ChildNodes)
        {
            Inline(child, paragraph, style);
        }

        return paragraph;
    }

    private static void Inline(INode node, Paragraph paragraph, Style style)
    {
        switch (node)
        {
            case IText text:
                var value = System.Text.RegularExpressions.Regex.Replace(text.Data, @"\s+", " ");
                if (value.Length > 0)
                {
                    paragraph.Append(Run(value, style));
                }

                break;
            case IElement { LocalName: "br" }:
                paragraph.Append(new Run(new Break()));
                break;
            case IElement element:
                // Nested lists or tables inside a paragraph cannot be Word paragraphs: their text stays, in order.
                foreach (var child in element.ChildNodes)
                {
                    Inline(child, paragraph, style.With(element.LocalName));
                }

                break;
        }
    }

    private static Run Run(string text, Style style)
    {
        var properties = new RunProperties();
        if (style.Bold)
        {
            properties.Append(new Bold());
        }

        if (style.Italic)
        {
            properties.Append(new Italic());
        }

        if (style.Underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(IElement table, Style style)
    {
        var rows = table.QuerySelectorAll("tr").ToList();
        var columns = Math.Max(1, rows.Select(r => r.Children.Count(c => c.LocalName is "td" or "th")).DefaultIfEmpty(1).Max());
        var width = 9355 / columns;
        var result = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        result.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })));
        foreach (var row in rows)
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            var tableRow = new TableRow();
            for (var i = 0; i < columns; i++)
            {
                var cell = i < cells.Count ? cells[i] : null;
                var paragraph = cell is null
                    ? new Paragraph()
                    : Paragraph(cell, cell.LocalName == "th" ? style with { Bold = true } : style, new ParagraphProperties(new Justification { Val = cell.LocalName == "th" ? JustificationValues.Center : JustificationValues.Left }));
                tableRow.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), paragraph));
            }

            result.Append(tableRow);
        }

        return result;
    }
}
