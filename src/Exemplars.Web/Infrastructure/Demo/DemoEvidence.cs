using System.Globalization;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// The files of the demo's sent dossiers, drawn at seeding (nothing from anywhere else): a one-page scan-like JPEG of the
/// minutes of the unit's review meeting and one for each criterion's evidence, in Vietnamese, saying plainly that they
/// illustrate demo data; the fonts are the ones shipped for the certificates. JPEG, not PDF: this SkiaSharp build embeds
/// whole fonts in a PDF (over 600 KB a page), and PNG encoding tripled the seeding time; a JPEG page is tens of kilobytes.
/// </summary>
public sealed class DemoEvidence : IDisposable
{
    private const float Width = 595;
    private const float Height = 842;
    private const float Margin = 64;

    /// <summary>Pixels per point: an A4 page at about 96 dpi, legible on screen and a few tens of kilobytes as JPEG.</summary>
    private const float Scale = 1.25f;

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly SKTypeface _italic;
    private readonly SKShaper _regularShaper;
    private readonly SKShaper _boldShaper;
    private readonly SKShaper _italicShaper;

    public DemoEvidence()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        _regular = SKTypeface.FromFile(Path.Combine(folder, "LiberationSerif-Regular.ttf")) ?? throw new InvalidOperationException("Fonts/LiberationSerif-Regular.ttf is missing.");
        _bold = SKTypeface.FromFile(Path.Combine(folder, "LiberationSerif-Bold.ttf")) ?? throw new InvalidOperationException("Fonts/LiberationSerif-Bold.ttf is missing.");
        _italic = SKTypeface.FromFile(Path.Combine(folder, "LiberationSerif-Italic.ttf")) ?? throw new InvalidOperationException("Fonts/LiberationSerif-Italic.ttf is missing.");
        _regularShaper = new SKShaper(_regular);
        _boldShaper = new SKShaper(_bold);
        _italicShaper = new SKShaper(_italic);
    }

    public const string MinutesFileName = "Biên bản họp xét đề nghị.jpg";

    public static string EvidenceFileName(int number) => $"Minh chứng {number}.jpg";

    /// <summary>The minutes of the unit's meeting that agreed to propose the nominee.</summary>
    public byte[] Minutes(string unitName, string nomineeName, string period, DateOnly date, int total, int present, int agree, int disagree, int abstain) =>
        Page(unitName, "BIÊN BẢN HỌP", $"Xét đề nghị biểu dương điển hình tiêu biểu {period}",
        [
            $"Hôm nay, ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, {unitName} họp xét đề nghị Đảng ủy Khối biểu dương, khen thưởng điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            $"Thành viên: {total}; có mặt: {present}.",
            $"Đề nghị: {nomineeName}.",
            $"Kết quả biểu quyết: {agree} đồng ý, {disagree} không đồng ý, {abstain} không biểu quyết.",
            "Biên bản kết thúc lúc 11 giờ cùng ngày, đã thông qua cho mọi người dự họp cùng nghe và ký.",
        ]);

    /// <summary>The evidence a unit sends for one criterion of the plan.</summary>
    public byte[] Evidence(string unitName, string nomineeName, string period, string criterionName, DateOnly date) =>
        Page(unitName, "TÀI LIỆU MINH CHỨNG", criterionName,
        [
            $"Đối tượng đề nghị: {nomineeName}.",
            $"Thời gian: {period}.",
            $"Nội dung: tóm tắt kết quả, số liệu và các văn bản ghi nhận thành tích đáp ứng tiêu chí nêu trên (xác nhận của {unitName}, ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).",
        ]);

    private byte[] Page(string unitName, string title, string subtitle, IReadOnlyList<string> paragraphs)
    {
        var info = new SKImageInfo((int)(Width * Scale), (int)(Height * Scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        {
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = 72f;
            foreach (var line in Wrap(_bold, 12, unitName.ToUpperInvariant(), 230))
            {
                Draw(canvas, _boldShaper, _bold, 12, line, Margin + 115, y, ink, SKTextAlign.Center);
                y += 16;
            }

            Draw(canvas, _boldShaper, _bold, 12, "ĐẢNG CỘNG SẢN VIỆT NAM", Width - Margin - 110, 72, ink, SKTextAlign.Center);
            y = Math.Max(y, 100) + 40;
            Draw(canvas, _boldShaper, _bold, 16, title, Width / 2, y, ink, SKTextAlign.Center);
            y += 22;
            foreach (var line in Wrap(_italic, 13, subtitle, Width - (2 * Margin)))
            {
                Draw(canvas, _italicShaper, _italic, 13, line, Width / 2, y, ink, SKTextAlign.Center);
                y += 18;
            }

            y += 20;
            foreach (var paragraph in paragraphs)
            {
                foreach (var line in Wrap(_regular, 13, paragraph, Width - (2 * Margin)))
                {
                    Draw(canvas, _regularShaper, _regular, 13, line, Margin, y, ink, SKTextAlign.Left);
                    y += 19;
                }

                y += 8;
            }

            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            Draw(canvas, _italicShaper, _italic, 10, "Tài liệu minh họa do hệ thống tạo cho dữ liệu mẫu, không phải văn bản thật.", Width / 2, Height - 48, grey, SKTextAlign.Center);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 70);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, SKShaper shaper, SKTypeface typeface, float size, string text, float x, float y, SKPaint paint, SKTextAlign align)
    {
        using var font = new SKFont(typeface, size);
        canvas.DrawShapedText(shaper, text, x, y, align, font, paint);
    }

    private static List<string> Wrap(SKTypeface typeface, float size, string text, float maxWidth)
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
