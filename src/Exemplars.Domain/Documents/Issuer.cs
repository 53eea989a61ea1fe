namespace Exemplars.Domain.Documents;

/// <summary>
/// An organisation that issues documents: its superior line and issuing name as printed, its symbol, the organ that
/// signs on its behalf, how it is named in a sentence, its officers and committee terms, and the recipients of each
/// document type. Editable by an administrator; nothing in the code assumes a bloc or a province.
/// </summary>
public sealed class Issuer
{
    public int Id { get; set; }

    /// <summary>Ký hiệu, e.g. "ĐUK".</summary>
    public string Symbol { get; set; } = string.Empty;

    /// <summary>Superior line, e.g. "ĐẢNG BỘ TỈNH QUẢNG NGÃI".</summary>
    public string SuperiorLine { get; set; } = string.Empty;

    /// <summary>Issuing name, e.g. "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The organ that signs, in capitals: "BAN THƯỜNG VỤ", "ĐẢNG ỦY", "CHI BỘ".</summary>
    public string SigningOrgan { get; set; } = string.Empty;

    /// <summary>The signing organ as written in a sentence: "Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh".</summary>
    public string OrganName { get; set; } = string.Empty;

    /// <summary>Place of the place-and-date line.</summary>
    public string Place { get; set; } = string.Empty;

    /// <summary>The organ submitted and reported to: "Ban Thường vụ Tỉnh ủy".</summary>
    public string SuperiorOrgan { get; set; } = string.Empty;

    /// <summary>The đảng bộ this committee leads: the superior line of its grassroots organisations' documents.</summary>
    public string PartyName { get; set; } = string.Empty;

    /// <summary>The board that advises on commendation: "Ban Tuyên giáo và Dân vận".</summary>
    public string AdvisingBoard { get; set; } = string.Empty;

    /// <summary>Recipients of a Quyết định, one a line.</summary>
    public string DecisionRecipients { get; set; } = string.Empty;

    /// <summary>Recipients of a Tờ trình, one a line.</summary>
    public string SubmissionRecipients { get; set; } = string.Empty;

    /// <summary>Recipients of a Báo cáo, one a line.</summary>
    public string ReportRecipients { get; set; } = string.Empty;

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<IssuerOfficer> Officers { get; set; } = [];

    public List<IssuerTerm> Terms { get; set; } = [];

    public IssuerHeading Heading => new(SuperiorLine, Name, Symbol, "T/M " + SigningOrgan, OrganName);

    /// <summary>The recipients of a document type, one a line as stored.</summary>
    public IReadOnlyList<string> RecipientsOf(DocumentType type) =>
        (type switch { DocumentType.Decision => DecisionRecipients, DocumentType.Submission => SubmissionRecipients, _ => ReportRecipients }).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> ReportRecipientList => ReportRecipients.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Who signs a document dated <paramref name="date"/>: the signing officer in office that day, else any officer in office.</summary>
    public IssuerOfficer? SignerOn(DateOnly date)
    {
        var inOffice = Officers.Where(o => o.InOfficeOn(date)).OrderByDescending(o => o.Signs).ThenBy(o => o.From).ToList();
        return inOffice.FirstOrDefault();
    }

    /// <summary>The key of the committee term a date falls in (see <see cref="DocumentNumber.TermKey"/>).</summary>
    public int TermKey(DateOnly date) => DocumentNumber.TermKey(Terms.Select(t => t.StartsOn), date);
}
