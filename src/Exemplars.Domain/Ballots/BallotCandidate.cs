namespace Exemplars.Domain.Ballots;

/// <summary>One candidate on a ballot; the totals are written once, when the ballot is closed, and are its result.</summary>
public sealed class BallotCandidate
{
    public int Id { get; set; }

    public int BallotId { get; set; }

    public int NominationId { get; set; }

    public int? Approvals { get; set; }

    public int? Disapprovals { get; set; }

    public bool? Passed { get; set; }
}
