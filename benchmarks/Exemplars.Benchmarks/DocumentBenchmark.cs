using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Infrastructure.Documents;

namespace Exemplars.Benchmarks;

/// <summary>
/// Issue 6 targets: a decision with 500 awardees renders to DOCX in under 2 s, and its 500 certificates to PDF in under
/// 30 s; issue 14: the certificates as a zip of one PDF each in under 5 s and 30 MB. The writers take a read model, so
/// no database is involved. Each PDF benchmark prints its output size on its first run ("// … bytes" in the log).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DocumentBenchmark : IDisposable
{
    private const int Awardees = 500;
    private PartyDocumentModel _decision = null!;
    private List<Certificate> _certificates = [];
    private CertificatePdf _pdf = null!;
    private bool _pdfSizeShown;
    private bool _zipSizeShown;

    [GlobalSetup]
    public void Setup()
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
        string[] given = ["Thị Thu Hà", "Văn Đức", "Minh Tuấn", "Thị Hồng Nhung", "Quốc Bảo", "Thanh Sơn"];
        var names = Enumerable.Range(0, Awardees).Select(i => $"{family[i % family.Length]} {given[i % given.Length]} {i + 1}").ToList();
        _decision = new PartyDocumentModel(
            ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP", "*"], "15-QĐ/ĐUK", "Quảng Ngãi", new DateOnly(2025, 5, 19),
            "QUYẾT ĐỊNH", "về việc tặng Giấy khen cho các tập thể, cá nhân điển hình tiêu biểu",
            ["BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "QUYẾT ĐỊNH:", "Điều 1. Tặng Giấy khen cho 500 tập thể, cá nhân (có danh sách kèm theo)."],
            ["STT", "Tập thể, cá nhân", "Đối tượng", "Đơn vị"],
            names.Select((n, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), n, "Cá nhân", "Đảng bộ Sở Tài chính"]).ToList(),
            ["Điều 2. Quyết định có hiệu lực kể từ ngày ký."], "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Thị Tố Loan", ["Như Điều 3,", "Lưu VP, TGDV."]);
        _certificates = names.Select((n, i) => new Certificate(["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"],
            "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH", n, "Chuyên viên, Sở Tài chính",
            "Đã có thành tích tiêu biểu, xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2025.",
            "15-QĐ/ĐUK", new DateOnly(2025, 5, 19), $"15-QĐ/ĐUK-{i + 1:000}", "Quảng Ngãi", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Thị Tố Loan")).ToList();
        _pdf = new CertificatePdf();
    }

    [Benchmark(Description = "Decision with 500 awardees to DOCX")]
    public int DecisionDocx() => PartyDocx.Write(_decision).Length;

    [Benchmark(Description = "500 certificates to one PDF")]
    public long CertificatesPdf()
    {
        using var stream = new MemoryStream();
        _pdf.Write(stream, _certificates);
        if (!_pdfSizeShown)
        {
            _pdfSizeShown = true;
            Console.WriteLine($"// 500 certificates to one PDF: {stream.Length:N0} bytes");
        }

        return stream.Length;
    }

    /// <summary>Issue 14 goal 5: the zip of one PDF per awardee under 5 s and 30 MB. The size is printed once.</summary>
    [Benchmark(Description = "500 certificates as a zip of PDFs")]
    public long CertificatesZip()
    {
        using var stream = new MemoryStream();
        CertificatesDocument.WriteZip(stream, _pdf, _certificates);
        if (!_zipSizeShown)
        {
            _zipSizeShown = true;
            Console.WriteLine($"// 500 certificates as a zip of PDFs: {stream.Length:N0} bytes");
        }

        return stream.Length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _pdf.Dispose();
        GC.SuppressFinalize(this);
    }
}
