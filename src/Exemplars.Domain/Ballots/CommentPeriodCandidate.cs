namespace Exemplars.Domain.Ballots;

public sealed class CommentPeriodCandidate
{
    public int Id { get; set; }

    public int CommentPeriodId { get; set; }

    public int NominationId { get; set; }
}
