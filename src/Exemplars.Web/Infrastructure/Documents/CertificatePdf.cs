using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Exemplars.Web.Infrastructure.Documents;

/// <summary>One Giấy khen: who receives it, for what, under which decision.</summary>
public sealed record Certificate(
    string IssuerLine1,
    string IssuerLine2,
    string Recipient,
    string Unit,
    string Reason,
    string DecisionNumber,
    DateOnly DecisionDate,
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

    private void Draw(SKCanvas canvas, Certificate c)
    {
        using var border = new SKPaint { Color = PartyRed, Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true };
        canvas.DrawRect(24, 24, Width - 48, Height - 48, border);
        border.StrokeWidth = 1;
        canvas.DrawRect(32, 32, Width - 64, Height - 64, border);

        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var red = new SKPaint { Color = PartyRed, IsAntialias = true };
        Line(canvas, _regularShaper, _regular, 13, c.IssuerLine1, 210, 80, ink);
        Line(canvas, _boldShaper, _bold, 13, c.IssuerLine2, 210, 98, ink);
        Line(canvas, _regularShaper, _regular, 13, "*", 210, 114, ink);
        Line(canvas, _boldShaper, _bold, 14, "ĐẢNG CỘNG SẢN VIỆT NAM", 620, 80, ink);
        canvas.DrawLine(540, 86, 700, 86, ink);

        Line(canvas, _boldShaper, _bold, 46, "GIẤY KHEN", Width / 2, 185, red);
        Line(canvas, _regularShaper, _regular, 16, "TẶNG", Width / 2, 225, ink);
        Line(canvas, _boldShaper, _bold, 28, c.Recipient, Width / 2, 270, red);
        Line(canvas, _italicShaper, _italic, 15, c.Unit, Width / 2, 300, ink);
        var y = 340f;
        foreach (var part in Wrap(c.Reason, 95))
        {
            Line(canvas, _regularShaper, _regular, 15, part, Width / 2, y, ink);
            y += 22;
        }

        Line(canvas, _regularShaper, _regular, 12, $"Quyết định số {c.DecisionNumber}, ngày {c.DecisionDate:dd/MM/yyyy}", 210, 470, ink);
        Line(canvas, _italicShaper, _italic, 14, $"{c.Place}, ngày {c.DecisionDate.Day:00} tháng {c.DecisionDate.Month:00} năm {c.DecisionDate.Year}", 620, 430, ink);
        Line(canvas, _boldShaper, _bold, 14, c.SignatureOnBehalf, 620, 455, ink);
        Line(canvas, _boldShaper, _bold, 14, c.SignatureTitle, 620, 475, ink);
        Line(canvas, _boldShaper, _bold, 14, c.Signer, 620, 545, ink);
    }

    private static void Line(SKCanvas canvas, SKShaper shaper, SKTypeface typeface, float size, string text, float x, float y, SKPaint paint)
    {
        using var font = new SKFont(typeface, size);
        canvas.DrawShapedText(shaper, text, x, y, SKTextAlign.Center, font, paint);
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

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
