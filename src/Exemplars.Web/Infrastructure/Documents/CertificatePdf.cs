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
/// Vietnamese stacked diacritics come out right whatever fonts the server has.
/// </summary>
public sealed class CertificatePdf : IDisposable
{
    private const float Width = 842f;
    private const float Height = 595f;
    private static readonly SKColor PartyRed = new(0xB3, 0x00, 0x00);

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly SKTypeface _italic;
    private readonly SKShaper _regularShaper;
    private readonly SKShaper _boldShaper;
    private readonly SKShaper _italicShaper;

    public CertificatePdf()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        _regular = SKTypeface.FromFile(Path.Combine(folder, "LiberationSerif-Regular.ttf")) ?? throw new InvalidOperationException("Fonts/LiberationSerif-Regular.ttf is missing.");
        _bold = SKTypeface.FromFile(Path.Combine(folder, "LiberationSerif-Bold.ttf")) ?? throw new InvalidOperationException("Fonts/LiberationSerif-Bold.ttf is missing.");
        _italic = SKTypeface.FromFile(Path.Combine(folder, "LiberationSerif-Italic.ttf")) ?? throw new InvalidOperationException("Fonts/LiberationSerif-Italic.ttf is missing.");
        _regularShaper = new SKShaper(_regular);
        _boldShaper = new SKShaper(_bold);
        _italicShaper = new SKShaper(_italic);
    }

    /// <summary>Writes one PDF with a page per certificate; reports the number of pages done.</summary>
    public void Write(Stream output, IReadOnlyList<Certificate> certificates, IProgress<int>? progress = null)
    {
        using var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = "Giấy khen", Creator = "Exemplars", RasterDpi = 72 });
        for (var i = 0; i < certificates.Count; i++)
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, certificates[i]);
            document.EndPage();
            progress?.Report(i + 1);
        }

        document.Close();
    }

    /// <summary>Widest a centred line may be: the page inside the double border, less a margin.</summary>
    private const float TextWidth = Width - 2 * 90;

    private void Draw(SKCanvas canvas, Certificate c)
    {
        using var border = new SKPaint { Color = PartyRed, Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true };
        canvas.DrawRect(24, 24, Width - 48, Height - 48, border);
        border.StrokeWidth = 1;
        canvas.DrawRect(32, 32, Width - 64, Height - 64, border);

        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var red = new SKPaint { Color = PartyRed, IsAntialias = true };
        var y = 72f;
        for (var i = 0; i < c.IssuerLines.Count; i++)
        {
            var bold = i == c.IssuerLines.Count - 1;
            Line(canvas, bold ? _boldShaper : _regularShaper, bold ? _bold : _regular, 12, c.IssuerLines[i], 200, y, ink);
            y += 16;
        }

        Line(canvas, _regularShaper, _regular, 12, "*", 200, y, ink);
        Line(canvas, _boldShaper, _bold, 13, "ĐẢNG CỘNG SẢN VIỆT NAM", 620, 72, ink);
        canvas.DrawLine(545, 77, 695, 77, ink);

        // The granting body is the subject of the sentence: "BAN THƯỜNG VỤ … / TẶNG GIẤY KHEN".
        y = 150f;
        foreach (var part in Wrap(_bold, 17, c.GrantingBody, TextWidth))
        {
            Line(canvas, _boldShaper, _bold, 17, part, Width / 2, y, ink);
            y += 22;
        }

        Line(canvas, _boldShaper, _bold, 40, "TẶNG GIẤY KHEN", Width / 2, y + 36, red);
        y += 86;
        foreach (var part in Wrap(_bold, 26, c.Recipient, TextWidth))
        {
            Line(canvas, _boldShaper, _bold, 26, part, Width / 2, y, red);
            y += 30;
        }

        foreach (var part in Wrap(_italic, 15, c.PositionAndUnit, TextWidth))
        {
            Line(canvas, _italicShaper, _italic, 15, part, Width / 2, y, ink);
            y += 20;
        }

        y += 10;
        foreach (var part in Wrap(_regular, 15, c.Reason, TextWidth))
        {
            Line(canvas, _regularShaper, _regular, 15, part, Width / 2, y, ink);
            y += 21;
        }

        Line(canvas, _regularShaper, _regular, 12, $"Quyết định số {c.DecisionNumber}, ngày {PartyDate.Numeric(c.DecisionDate)}", 200, 500, ink);
        Line(canvas, _regularShaper, _regular, 12, $"Số vào sổ: {c.RegisterNumber}", 200, 518, ink);
        Line(canvas, _italicShaper, _italic, 14, PartyDate.PlaceAndDate(c.Place, c.DecisionDate), 620, 430, ink);
        Line(canvas, _boldShaper, _bold, 14, c.SignatureOnBehalf, 620, 452, ink);
        Line(canvas, _regularShaper, _regular, 14, c.SignatureTitle, 620, 470, ink);
        Line(canvas, _boldShaper, _bold, 14, c.Signer, 620, 545, ink);
    }

    private static void Line(SKCanvas canvas, SKShaper shaper, SKTypeface typeface, float size, string text, float x, float y, SKPaint paint)
    {
        using var font = new SKFont(typeface, size);
        canvas.DrawShapedText(shaper, text, x, y, SKTextAlign.Center, font, paint);
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
        using var font = new SKFont(bold ? _bold : _regular, size);
        return font.MeasureText(text);
    }

    public SKTypeface Regular => _regular;

    public void Dispose()
    {
        _regularShaper.Dispose();
        _boldShaper.Dispose();
        _italicShaper.Dispose();
        _regular.Dispose();
        _bold.Dispose();
        _italic.Dispose();
    }
}
