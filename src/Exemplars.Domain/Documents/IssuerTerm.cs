namespace Exemplars.Domain.Documents;

/// <summary>A committee term (nhiệm kỳ): from the day after one congress closes; numbering restarts at 01 in each.</summary>
public sealed class IssuerTerm
{
    public int Id { get; set; }

    public int IssuerId { get; set; }

    /// <summary>"Nhiệm kỳ 2025 - 2030".</summary>
    public string Label { get; set; } = string.Empty;

    public DateOnly StartsOn { get; set; }
}
