using Exemplars.Domain.Documents;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// Names printed on generated documents (configuration "Documents:*"), with the demo bloc as default. Nothing here
/// assumes a "Đảng ủy Khối" or a province: since the 2025 reorganisation an issuer may be, for instance, "ĐẢNG ỦY CÁC
/// CƠ QUAN ĐẢNG TỈNH" under "ĐẢNG BỘ TỈNH …"; set the lines in configuration.
/// </summary>
public sealed class DocumentSettings(IConfiguration configuration)
{
    private string Get(string key, string fallback) => configuration["Documents:" + key] is { Length: > 0 } value ? value : fallback;

    public string Place => Get("Place", "Quảng Ngãi");

    /// <summary>The bloc committee as it heads its documents, signs and is named in sentences.</summary>
    public IssuerHeading Bloc => new(
        Get("SuperiorLine", "ĐẢNG BỘ TỈNH QUẢNG NGÃI"),
        Get("IssuerName", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"),
        Get("Symbol", "ĐUK"),
        "T/M " + Get("SigningOrgan", "BAN THƯỜNG VỤ"),
        Get("OrganName", "Ban Thường vụ Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"));

    /// <summary>The đảng bộ the grassroots organisations belong to: the superior line of their documents.</summary>
    public string PartyName => Get("PartyName", "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh");

    /// <summary>The organ the bloc reports and submits to, as written in a sentence ("Kính gửi: …").</summary>
    public string SuperiorOrgan => Get("SuperiorOrgan", "Ban Thường vụ Tỉnh ủy");

    /// <summary>The board that prepares the bloc's documents on commendation.</summary>
    public string AdvisingBoard => Get("AdvisingBoard", "Ban Tuyên giáo và Dân vận");

    public string SignerPosition => Get("SignerPosition", "PHÓ BÍ THƯ");

    public string Signer => Get("Signer", "Phạm Thị Tố Loan");

    /// <summary>The demo issuer an empty database starts with; the administrator edits it on the Issuers pages.</summary>
    public Issuer DefaultIssuer() => new()
    {
        Symbol = Bloc.Symbol,
        SuperiorLine = Bloc.SuperiorLine,
        Name = Bloc.Name,
        SigningOrgan = Get("SigningOrgan", "BAN THƯỜNG VỤ"),
        OrganName = Bloc.OrganName,
        Place = Place,
        SuperiorOrgan = SuperiorOrgan,
        PartyName = PartyName,
        AdvisingBoard = AdvisingBoard,
        DecisionRecipients = $"Như Điều 3,\n{SuperiorOrgan} (để báo cáo),\nLưu Văn phòng.",
        SubmissionRecipients = "Như trên,\nLưu Văn phòng.",
        ReportRecipients = $"{SuperiorOrgan} (để báo cáo),\nLưu Văn phòng.",
        Officers =
        [
            new IssuerOfficer { FullName = Get("Secretary", "Nguyễn Văn Bình"), Position = "BÍ THƯ", Signs = false, From = new DateOnly(2020, 10, 16) },
            new IssuerOfficer { FullName = Signer, Position = SignerPosition, Signs = true, From = new DateOnly(2020, 10, 16) },
        ],
        Terms =
        [
            new IssuerTerm { Label = "Nhiệm kỳ 2020 - 2025", StartsOn = new DateOnly(2020, 10, 16) },
            new IssuerTerm { Label = "Nhiệm kỳ 2025 - 2030", StartsOn = new DateOnly(2025, 8, 21) },
        ],
    };

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
