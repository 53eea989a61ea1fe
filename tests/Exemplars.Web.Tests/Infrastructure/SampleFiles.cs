using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Exemplars.Web.Tests;

/// <summary>
/// Real files for upload tests: the app parses what it is sent (issue 15, item 4), so a PDF must be a PDF a reader
/// opens, a PNG must decode, a Word file must be a Word package. Each takes a marker that changes its bytes (and so its
/// hash) without changing what it is. Also the hostile kinds the app must refuse. Shared with the browser tests.
/// </summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF with a correct cross-reference table; <paramref name="catalogExtra"/> goes into the catalog
    /// dictionary (for example an /OpenAction), <paramref name="padTo"/> grows it to that many bytes with an unreferenced stream.</summary>
    public static byte[] Pdf(string marker = "", string catalogExtra = "", long padTo = 0)
    {
        var content = Encoding.UTF8.GetBytes($"% {marker}\nBT /F1 12 Tf 72 760 Td (Minh chung) Tj ET\n");
        var objects = new List<byte[]>
        {
            Ascii($"<</Type/Catalog/Pages 2 0 R{catalogExtra}>>"),
            Ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            Ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>"),
            Stream(content),
            Ascii("<</Type/Font/Subtype/Type1/BaseFont/Times-Roman>>"),
        };

        var withoutPadding = Build(objects).LongLength;
        if (padTo > withoutPadding)
        {
            // The padding stream's own wrapping and xref line take about 80 bytes; the rest is its body.
            var body = (int)Math.Max(0, padTo - withoutPadding - 80);
            objects.Add(Stream(new byte[body]));
            var built = Build(objects);
            var missing = padTo - built.LongLength;
            if (missing != 0)
            {
                body += (int)missing;
                objects[^1] = Stream(new byte[body]);
            }
        }

        return Build(objects);
    }

    private static byte[] Stream(byte[] body) => [.. Ascii($"<</Length {body.Length}>>\nstream\n"), .. body, .. Ascii("\nendstream")];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Build(List<byte[]> objects)
    {
        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder();
        table.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append("trailer\n<</Size ").Append(objects.Count + 1).Append("/Root 1 0 R>>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    /// <summary>A PDF that runs JavaScript when opened.</summary>
    public static byte[] PdfWithJavaScript() => Pdf("js", "/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>");

    /// <summary>A PDF that asks the reader to start a program.</summary>
    public static byte[] PdfWithLaunch() => Pdf("launch", "/OpenAction<</S/Launch/F(setup.exe)>>");

    /// <summary>A PDF carrying a file inside it.</summary>
    public static byte[] PdfWithEmbeddedFile() => Pdf("embedded", "/Names<</EmbeddedFiles<</Names[(setup.exe)<</Type/Filespec/F(setup.exe)>>]>>>>");

    /// <summary>A real PNG of the given size, its colour taken from the marker.</summary>
    public static byte[] Png(string marker = "", int width = 2, int height = 2) => Encode(SKEncodedImageFormat.Png, marker, width, height);

    /// <summary>A real JPEG.</summary>
    public static byte[] Jpeg(string marker = "", int width = 2, int height = 2) => Encode(SKEncodedImageFormat.Jpeg, marker, width, height);

    private static byte[] Encode(SKEncodedImageFormat format, string marker, int width, int height)
    {
        var hash = (uint)StringComparer.Ordinal.GetHashCode(marker);
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor((byte)hash, (byte)(hash >> 8), (byte)(hash >> 16)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels (a decompression bomb's
    /// shape): signature, a correct IHDR, one tiny IDAT, IEND.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A Word document with one paragraph; with <paramref name="macros"/> a macro-enabled one (.docm) carrying a VBA project.</summary>
    public static byte[] Docx(string marker = "", bool macros = false)
    {
        using var output = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(output, macros ? DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument : DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Minh chứng " + marker)))));
            if (macros)
            {
                using var vba = main.AddNewPart<DocumentFormat.OpenXml.Packaging.VbaProjectPart>().GetStream(FileMode.Create);
                vba.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
            }
        }

        return output.ToArray();
    }

    /// <summary>A ZIP holding a program, named as a Word file by whoever sends it.</summary>
    public static byte[] ZipWithProgram()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("setup.exe").Open();
            entry.Write("MZ\u0090\0"u8);
        }

        return output.ToArray();
    }
}
