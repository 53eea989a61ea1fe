using Exemplars.Domain.Documents;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>
/// One Giấy khen: the granting body is the subject ("BAN THƯỜNG VỤ … TẶNG GIẤY KHEN"), then the recipient with position
/// and unit and the reason; the decision's number and date and the register number (số vào sổ) bottom left, the place,
/// date and signature bottom right.
/// </summary>
public sealed record Certificate(
    IReadOnlyList<string> IssuerLines,
    string GrantingBody,
    string Recipient,
    string PositionAndUnit,
    string Reason,
    string DecisionNumber,
    DateOnly DecisionDate,
    string RegisterNumber,
    string Place,
    string SignatureOnBehalf,
    string SignatureTitle,
    string Signer);

/// <summary>
/// Draws certificates on A4 landscape pages with the shipped Liberation Serif, shaping every line with HarfBuzz so
/// Vietnamese stacked diacritics come out right whatever fonts the server has. Each document embeds only the glyphs
/// its text uses (<see cref="PdfFace"/>): a one-page certificate is tens of kilobytes, not the three whole fonts.
/// </summary>
public sealed class CertificatePdf : IDisposable
{
    private const float Width = 842f;
    private const float Height = 595f;
    private static readonly SKColor PartyRed = new(0xB3, 0x00, 0x00);

    private readonly PdfFace _regular;
    private readonly PdfFace _bold;
    private readonly PdfFace _italic;

    public CertificatePdf()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        _regular = new PdfFace(Path.Combine(folder, "LiberationSerif-Regular.ttf"));
        _bold = new PdfFace(Path.Combine(folder, "LiberationSerif-Bold.ttf"));
        _italic = new PdfFace(Path.Combine(folder, "LiberationSerif-Italic.ttf"));
    }

    private enum Face
    {
        Regular,
        Bold,
        Italic,
    }

    /// <summary>One line of text as drawn: face, size, text, the point its centre sits on, red or black.</summary>
    private readonly record struct Run(Face Face, float Size, string Text, float X, float Y, bool Red = false);

    /// <summary>Writes one PDF with a page per certificate; reports the number of pages done.</summary>
    public void Write(Stream output, IReadOnlyList<Certificate> certificates, IProgress<int>? progress = null)
    {
        // Lay every page out first: the text decides which glyphs each face embeds.
        var pages = certificates.Select(Layout).ToList();
        using var regular = _regular.For(TextOf(pages, Face.Regular));
        using var bold = _bold.For(TextOf(pages, Face.Bold));
        using var italic = _italic.For(TextOf(pages, Face.Italic));

        using var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = "Giấy khen", Creator = "Exemplars", RasterDpi = 72 });
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var red = new SKPaint { Color = PartyRed, IsAntialias = true };
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(Width, Height);
            DrawFrame(canvas, ink);
            foreach (var run in pages[i])
            {
                var face = run.Face switch { Face.Bold => bold, Face.Italic => italic, _ => regular };
                using var font = new SKFont(face.Typeface, run.Size);
                canvas.DrawShapedText(face.Shaper, run.Text, run.X, run.Y, SKTextAlign.Center, font, run.Red ? red : ink);
            }

            document.EndPage();
            progress?.Report(i + 1);
        }

        document.Close();
    }

    private static IEnumerable<string> TextOf(List<List<Run>> pages, Face face) =>
        pages.SelectMany(p => p).Where(r => r.Face == face).Select(r => r.Text);

    /// <summary>Widest a centred line may be: the page inside the double border, less a margin.</summary>
    private const float TextWidth = Width - 2 * 90;

    private static void DrawFrame(SKCanvas canvas, SKPaint ink)
    {
        using var border = new SKPaint { Color = PartyRed, Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true };
        canvas.DrawRect(24, 24, Width - 48, Height - 48, border);
        border.StrokeWidth = 1;
        canvas.DrawRect(32, 32, Width - 64, Height - 64, border);
        canvas.DrawLine(545, 77, 695, 77, ink);
    }

    private List<Run> Layout(Certificate c)
    {
        var runs = new List<Run>();
        var y = 72f;
        for (var i = 0; i < c.IssuerLines.Count; i++)
        {
            runs.Add(new(i == c.IssuerLines.Count - 1 ? Face.Bold : Face.Regular, 12, c.IssuerLines[i], 200, y));
            y += 16;
        }

        runs.Add(new(Face.Regular, 12, "*", 200, y));
        runs.Add(new(Face.Bold, 13, "ĐẢNG CỘNG SẢN VIỆT NAM", 620, 72));

        // The granting body is the subject of the sentence: "BAN THƯỜNG VỤ … / TẶNG GIẤY KHEN".
        y = 150f;
        foreach (var part in Wrap(_bold.Full, 17, c.GrantingBody, TextWidth))
        {
            runs.Add(new(Face.Bold, 17, part, Width / 2, y));
            y += 22;
        }

        runs.Add(new(Face.Bold, 40, "TẶNG GIẤY KHEN", Width / 2, y + 36, Red: true));
        y += 86;
        foreach (var part in Wrap(_bold.Full, 26, c.Recipient, TextWidth))
        {
            runs.Add(new(Face.Bold, 26, part, Width / 2, y, Red: true));
            y += 30;
        }

        foreach (var part in Wrap(_italic.Full, 15, c.PositionAndUnit, TextWidth))
        {
            runs.Add(new(Face.Italic, 15, part, Width / 2, y));
            y += 20;
        }

        y += 10;
        foreach (var part in Wrap(_regular.Full, 15, c.Reason, TextWidth))
        {
            runs.Add(new(Face.Regular, 15, part, Width / 2, y));
            y += 21;
        }

        runs.Add(new(Face.Regular, 12, $"Quyết định số {c.DecisionNumber}, ngày {PartyDate.Numeric(c.DecisionDate)}", 200, 500));
        runs.Add(new(Face.Regular, 12, $"Số vào sổ: {c.RegisterNumber}", 200, 518));
        runs.Add(new(Face.Italic, 14, PartyDate.PlaceAndDate(c.Place, c.DecisionDate), 620, 430));
        runs.Add(new(Face.Bold, 14, c.SignatureOnBehalf, 620, 452));
        runs.Add(new(Face.Regular, 14, c.SignatureTitle, 620, 470));
        runs.Add(new(Face.Bold, 14, c.Signer, 620, 545));
        return runs;
    }

    /// <summary>Lines no wider than <paramref name="maxWidth"/> points in this face and size, broken between words.</summary>
    public static IReadOnlyList<string> Wrap(SKTypeface typeface, float size, string text, float maxWidth)
    {
        using var font = new SKFont(typeface, size);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The measured width of a line, for tests and layout.</summary>
    public float Measure(bool bold, float size, string text)
    {
        using var font = new SKFont(bold ? _bold.Full : _regular.Full, size);
        return font.MeasureText(text);
    }

    public SKTypeface Regular => _regular.Full;

    /// <summary>Tests only: the three faces, to change what their subsetter is asked for.</summary>
    internal IEnumerable<PdfFace> Faces => [_regular, _bold, _italic];

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
        _italic.Dispose();
    }
}
