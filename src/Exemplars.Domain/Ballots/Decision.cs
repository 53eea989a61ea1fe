namespace Exemplars.Domain.Ballots;

/// <summary>A numbered decision or submission of an issuer (e.g. 15-QĐ/ĐUK) and the awards it grants.</summary>
public sealed class Decision
{
    public int Id { get; set; }

    public string Issuer { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>The committee term the number counts in (see <see cref="Documents.DocumentNumber.TermKey"/>).</summary>
    public int Term { get; set; }

    public int Number { get; set; }

    public DocumentType Type { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public string Signer { get; set; } = string.Empty;

    public int? RoundId { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public List<Award> Awards { get; set; } = [];

    public string DocumentNumber => Documents.DocumentNumber.Format(Number, Type, Issuer);
}
