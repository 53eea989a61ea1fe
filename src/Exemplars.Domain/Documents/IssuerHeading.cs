namespace Exemplars.Domain.Documents;

/// <summary>
/// Who a document comes from, as printed: the superior line and the issuer's name top left, the symbol after the
/// number ("…-BC/ĐU"), the "T/M …" line of the signature and the organ's name as written in a sentence.
/// </summary>
public sealed record IssuerHeading(string SuperiorLine, string Name, string Symbol, string OnBehalf, string OrganName)
{
    public IReadOnlyList<string> Lines => [SuperiorLine, Name, "*"];
}
