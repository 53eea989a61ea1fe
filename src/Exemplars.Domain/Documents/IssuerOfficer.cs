namespace Exemplars.Domain.Documents;

/// <summary>An officer of an issuer with the position printed over the signature and the dates in office.</summary>
public sealed class IssuerOfficer
{
    public int Id { get; set; }

    public int IssuerId { get; set; }

    public string FullName { get; set; } = string.Empty;

    /// <summary>In capitals, as printed: "BÍ THƯ", "PHÓ BÍ THƯ".</summary>
    public string Position { get; set; } = string.Empty;

    /// <summary>Signs the issuer's documents on commendation when in office.</summary>
    public bool Signs { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? Until { get; set; }

    public bool InOfficeOn(DateOnly date) => From <= date && (Until is null || date <= Until);
}
