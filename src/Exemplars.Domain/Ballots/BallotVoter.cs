namespace Exemplars.Domain.Ballots;

/// <summary>The voter roll: one row per member allowed to vote, and only whether they have voted (no time, no choice).</summary>
public sealed class BallotVoter
{
    public int Id { get; set; }

    public int BallotId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public bool HasVoted { get; set; }
}
