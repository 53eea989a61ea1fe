namespace Exemplars.Web.Features.Documents;

/// <summary>Names printed on generated documents (configuration "Documents:*"), with the demo province as default.</summary>
public sealed class DocumentSettings(IConfiguration configuration)
{
    public string Province => configuration["Documents:Province"] ?? "Quảng Ngãi";

    public string Place => configuration["Documents:Place"] ?? Province;

    public string BlocName => configuration["Documents:BlocName"] ?? "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP";

    public IReadOnlyList<string> BlocIssuer => ["ĐẢNG BỘ TỈNH " + Province.ToUpperInvariant(), BlocName, "*"];

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
