using System.IO.Compression;
using System.Text;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Infrastructure.Documents;
using SkiaSharp;

namespace Exemplars.Web.Tests;

/// <summary>
/// Each certificate PDF embeds only the glyphs its text uses (issue 14, goal 5: the zip of 500 under 30 MB), and never
/// loses a character on the way: what poppler reads back from a zipped PDF is what was written.
/// </summary>
public sealed class CertificatePdfTests
{
    private static Certificate Sample(string recipient, string positionAndUnit, int number) => new(
        ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"],
        "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH", recipient, positionAndUnit,
        "Đã có thành tích tiêu biểu, xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2025.",
        "15-QĐ/ĐUK", new DateOnly(2025, 5, 19), $"15-QĐ/ĐUK-{number:000}", "Quảng Ngãi", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Thị Tố Loan");

    private static readonly string[] Names =
        ["Nguyễn Thị Hường", "Trần Văn Đức", "Lê Minh Tuấn", "Phạm Thị Hồng Nhung", "Huỳnh Quốc Bảo", "Võ Thanh Sơn", "Đặng Thị Thu Hà", "Bùi Văn Lượng"];

    [Fact]
    public async Task Each_zipped_certificate_embeds_only_the_glyphs_it_uses_and_reads_back_exactly()
    {
        using var pdf = new CertificatePdf();
        var certificates = Enumerable.Range(0, 20)
            .Select(i => Sample($"{Names[i % Names.Length]} {i + 1}", "Bí thư Chi bộ, Đảng ủy Sở Tài chính", i + 1)).ToList();
        using var zip = new MemoryStream();
        CertificatesDocument.WriteZip(zip, pdf, certificates);
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Equal(20, archive.Entries.Count);
        // The three whole Liberation Serif faces made every one-page PDF about 660 KB; their used glyphs are a few dozen KB.
        Assert.All(archive.Entries, e => Assert.True(e.Length < 80_000, $"{e.Name}: {e.Length:N0} bytes"));

        var folder = Directory.CreateTempSubdirectory("exemplars-cert-zip-");
        try
        {
            foreach (var i in new[] { 0, 7, 19 })
            {
                var file = Path.Combine(folder.FullName, archive.Entries[i].Name);
                archive.Entries[i].ExtractToFile(file);
                var text = await Office.PdfText(file);
                foreach (var phrase in new[] { certificates[i].Recipient, "Bí thư Chi bộ, Đảng ủy Sở Tài chính", "TẶNG GIẤY KHEN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Ngãi, ngày 19 tháng 5 năm 2025", $"Số vào sổ: 15-QĐ/ĐUK-{i + 1:000}", "phong cách Hồ Chí Minh" })
                {
                    Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"'{phrase}' not in:\n{text}");
                }

                var fonts = await Office.Run("pdffonts", $"\"{file}\"");
                Assert.Equal(3, fonts.Split('\n').Count(l => l.Contains("LiberationSerif", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal)));
            }

            Keep(folder, "giay-khen-001.pdf");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Characters_beyond_Vietnamese_and_text_typed_decomposed_still_print()
    {
        using var pdf = new CertificatePdf();
        // Cyrillic and Greek are in Liberation Serif but in no Vietnamese range; the unit's name arrives decomposed (NFD),
        // as some keyboards type it, and HarfBuzz composes it to the precomposed glyphs, which the subset must carry.
        var certificate = Sample("Жанна Ωмега Nguyễn", "Đảng ủy Sở Tài chính".Normalize(NormalizationForm.FormD) + " № 5 € ₫", 1);
        var file = await WriteOne(pdf, certificate);
        try
        {
            Assert.True(new FileInfo(file).Length < 80_000, $"{new FileInfo(file).Length:N0} bytes: not a subset");
            var text = await Office.PdfText(file);
            Assert.Contains("Жанна Ωмега Nguyễn", text, StringComparison.Ordinal);
            Assert.Contains("Đảng ủy Sở Tài chính № 5 € ₫", text.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_subset_that_lacks_a_character_of_the_text_gives_way_to_the_full_font()
    {
        using var pdf = new CertificatePdf();
        // A subsetter that leaves one character out (here asked for everything but "Ж"): the document must not print
        // without it, so that face is embedded whole.
        foreach (var face in pdf.Faces)
        {
            face.SubsetRequest = codepoints => codepoints.Where(c => c != 'Ж').ToList();
        }

        var file = await WriteOne(pdf, Sample("Жанна Nguyễn Thị Hường", "Đảng ủy Sở Tài chính", 1));
        try
        {
            Assert.True(new FileInfo(file).Length > 150_000, $"{new FileInfo(file).Length:N0} bytes: the bold face was not embedded whole");
            Assert.Contains("Жанна Nguyễn Thị Hường", await Office.PdfText(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_character_no_face_has_draws_as_it_did_with_the_whole_font()
    {
        // Liberation Serif has no CJK; such a character shapes to .notdef (which this font leaves blank) with the same
        // advance in the subset as in the whole face, so the subset changes nothing there either.
        using var pdf = new CertificatePdf();
        var bold = pdf.Faces.ElementAt(1);
        using var face = bold.For(["Nguyễn 王 Hường"]);
        Assert.True(face.IsSubset);
        using var subset = new SKFont(face.Typeface, 26);
        using var full = new SKFont(bold.Full, 26);
        Assert.Equal(0, full.GetGlyph('王'));
        Assert.Equal(0, subset.GetGlyph('王'));
        Assert.Equal(full.GetGlyphPath(0).Bounds, subset.GetGlyphPath(0).Bounds);
        Assert.Equal(full.MeasureText("Nguyễn 王 Hường"), subset.MeasureText("Nguyễn 王 Hường"));
    }

    [Fact]
    public void The_characters_asked_for_include_the_composed_form_of_decomposed_text()
    {
        var decomposed = "Hường".Normalize(NormalizationForm.FormD);
        var codepoints = PdfFace.Codepoints([decomposed]);
        Assert.Contains(0x1EDD, codepoints); // ờ, which HarfBuzz composes to
        Assert.Contains(0x031B, codepoints); // and the horn mark as typed
    }

    private static async Task<string> WriteOne(CertificatePdf pdf, Certificate certificate)
    {
        var file = Path.Combine(Path.GetTempPath(), $"exemplars-cert-{Guid.NewGuid():N}.pdf");
        await using (var stream = File.Create(file))
        {
            pdf.Write(stream, [certificate]);
        }

        return file;
    }

    private static void Keep(DirectoryInfo folder, string name)
    {
        if (Environment.GetEnvironmentVariable("EXEMPLARS_KEEP_DOCUMENTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(Path.Combine(folder.FullName, name), Path.Combine(keep, "giay-khen-zip-001.pdf"), overwrite: true);
        }
    }
}
