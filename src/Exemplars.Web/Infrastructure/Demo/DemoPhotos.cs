using SkiaSharp;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// Illustrations for the demo's showcase stories, drawn at seeding (no photograph from anywhere): a sky, a red banner
/// with the yellow star, and either the unit's building or a portrait silhouette, in colours that vary with the seed.
/// JPEG, 640 × 400, a few tens of kilobytes each.
/// </summary>
public static class DemoPhotos
{
    public const int Width = 640;
    public const int Height = 400;

    private static readonly SKColor[] Skies = [new(0x8E, 0xC5, 0xFC), new(0xA7, 0xD8, 0xF0), new(0xF6, 0xD3, 0x65), new(0xB8, 0xE0, 0xD2), new(0xF3, 0xB7, 0x9B)];
    private static readonly SKColor[] Walls = [new(0xF5, 0xE6, 0xC8), new(0xE9, 0xEC, 0xEF), new(0xFF, 0xF3, 0xD6), new(0xDD, 0xE8, 0xF5)];
    private static readonly SKColor[] Clothes = [new(0x1F, 0x3A, 0x5F), new(0x2E, 0x4A, 0x3A), new(0x5A, 0x2D, 0x2D), new(0x33, 0x33, 0x44), new(0xF4, 0xF4, 0xF4)];

    /// <summary>A building (a collective) or a portrait (an individual), as JPEG bytes.</summary>
    public static byte[] Render(int seed, bool collective)
    {
        var random = new Random(seed);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        var sky = Skies[random.Next(Skies.Length)];
        using (var gradient = new SKPaint { IsAntialias = true })
        {
            gradient.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Height), [sky, SKColors.White], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, gradient);
        }

        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = new SKColor(0x7B, 0xA0, 0x5B);
        canvas.DrawRect(0, Height * 0.78f, Width, Height * 0.22f, paint);
        if (collective)
        {
            Building(canvas, paint, random);
        }
        else
        {
            Portrait(canvas, paint, random);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data.ToArray();
    }

    private static void Building(SKCanvas canvas, SKPaint paint, Random random)
    {
        var left = 90f + random.Next(60);
        var right = Width - 90f - random.Next(60);
        var top = 120f + random.Next(30);
        var bottom = Height * 0.8f;
        paint.Color = Walls[random.Next(Walls.Length)];
        canvas.DrawRect(left, top, right - left, bottom - top, paint);
        paint.Color = new SKColor(0xB0, 0x3A, 0x2E);
        using (var roof = new SKPathBuilder())
        {
            roof.MoveTo(left - 20, top);
            roof.LineTo((left + right) / 2, top - 60 - random.Next(20));
            roof.LineTo(right + 20, top);
            roof.Close();
            using var path = roof.Detach();
            canvas.DrawPath(path, paint);
        }

        // Windows in rows and columns, the door in the middle.
        paint.Color = new SKColor(0x5D, 0x7E, 0x9C);
        var columns = 5 + random.Next(3);
        var step = (right - left) / columns;
        for (var row = 0; row < 2; row++)
        {
            for (var c = 0; c < columns; c++)
            {
                canvas.DrawRect(left + (c * step) + (step * 0.25f), top + 25 + (row * 70), step * 0.5f, 40, paint);
            }
        }

        paint.Color = new SKColor(0x6B, 0x4A, 0x2F);
        canvas.DrawRect(((left + right) / 2) - 25, bottom - 70, 50, 70, paint);
        Flag(canvas, paint, right - 10, top - 110, 70);
    }

    private static void Portrait(SKCanvas canvas, SKPaint paint, Random random)
    {
        // A red backdrop banner with the star, then the silhouette in front of it.
        paint.Color = new SKColor(0xC8, 0x10, 0x2E);
        canvas.DrawRect(60, 40, Width - 120, 210, paint);
        Star(canvas, paint, Width / 2f, 110, 42);
        var cx = (Width / 2f) + random.Next(-60, 61);
        paint.Color = Clothes[random.Next(Clothes.Length)];
        using (var body = new SKPathBuilder())
        {
            body.MoveTo(cx - 120, Height);
            body.QuadTo(cx - 115, 255, cx, 250);
            body.QuadTo(cx + 115, 255, cx + 120, Height);
            body.Close();
            using var path = body.Detach();
            canvas.DrawPath(path, paint);
        }

        paint.Color = new SKColor(0xE8, 0xB8, 0x94);
        canvas.DrawOval(cx, 195, 48, 58, paint);
        paint.Color = new SKColor(0x22, 0x1A, 0x14);
        canvas.DrawArc(new SKRect(cx - 50, 135, cx + 50, 215), 180, 180, true, paint);
    }

    private static void Flag(SKCanvas canvas, SKPaint paint, float x, float y, float width)
    {
        paint.Color = new SKColor(0x55, 0x55, 0x55);
        canvas.DrawRect(x - 3, y, 3, 110, paint);
        paint.Color = new SKColor(0xDA, 0x25, 0x1D);
        canvas.DrawRect(x, y, width, width * 2 / 3, paint);
        Star(canvas, paint, x + (width / 2), y + (width / 3), width / 5);
    }

    private static void Star(SKCanvas canvas, SKPaint paint, float cx, float cy, float radius)
    {
        using var star = new SKPathBuilder();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.4f;
            var angle = (Math.PI / 2) + (i * Math.PI / 5);
            var point = new SKPoint(cx + (float)(r * Math.Cos(angle)), cy - (float)(r * Math.Sin(angle)));
            if (i == 0)
            {
                star.MoveTo(point);
            }
            else
            {
                star.LineTo(point);
            }
        }

        star.Close();
        using var path = star.Detach();
        var colour = paint.Color;
        paint.Color = new SKColor(0xFF, 0xDE, 0x00);
        canvas.DrawPath(path, paint);
        paint.Color = colour;
    }
}
