namespace Exemplars.Domain.Documents;

/// <summary>
/// How screens, messages and e-mails name the organs of the programme, taken from the issuer's data so that nothing
/// assumes a "Đảng ủy Khối", a "Tỉnh ủy" or a province: since the 2025 reorganisation the issuer may be "Đảng ủy các
/// cơ quan Đảng tỉnh" reporting to a Tỉnh ủy or a Thành ủy.
/// </summary>
/// <param name="Committee">The committee that runs the programme, in a sentence: "Đảng ủy các cơ quan Đảng tỉnh".</param>
/// <param name="SigningOrgan">Its organ that votes and signs: "Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh".</param>
/// <param name="Superior">The committee it proposes to and reports to: "Tỉnh ủy", "Thành ủy".</param>
/// <param name="SuperiorOrgan">That committee's organ, in a sentence: "Ban Thường vụ Tỉnh ủy".</param>
/// <param name="AdvisingBoard">The board that advises on commendation: "Ban Tuyên giáo và Dân vận".</param>
/// <param name="PartyName">The đảng bộ the committee leads.</param>
public sealed record OrganNames(string Committee, string SigningOrgan, string Superior, string SuperiorOrgan, string AdvisingBoard, string PartyName)
{
    /// <summary>The names of an issuer: the committee is its signing organ without the organ's own title ("Ban Thường vụ …").</summary>
    public static OrganNames Of(Issuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return new OrganNames(
            WithoutStandingCommittee(issuer.OrganName),
            issuer.OrganName,
            WithoutStandingCommittee(issuer.SuperiorOrgan),
            issuer.SuperiorOrgan,
            issuer.AdvisingBoard,
            issuer.PartyName);
    }

    /// <summary>"Ban Thường vụ Tỉnh ủy" → "Tỉnh ủy"; a name without that title is kept as it is.</summary>
    public static string WithoutStandingCommittee(string organ)
    {
        const string Title = "Ban Thường vụ ";
        var name = (organ ?? string.Empty).Trim();
        return name.StartsWith(Title, StringComparison.OrdinalIgnoreCase) && name.Length > Title.Length ? name[Title.Length..].Trim() : name;
    }
}
