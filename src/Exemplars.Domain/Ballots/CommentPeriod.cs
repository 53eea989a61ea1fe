namespace Exemplars.Domain.Ballots;

/// <summary>A public comment period (công khai, lấy ý kiến) over chosen verified candidates.</summary>
public sealed class CommentPeriod
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public string OpenedBy { get; set; } = string.Empty;

    public List<CommentPeriodCandidate> Candidates { get; set; } = [];
}
