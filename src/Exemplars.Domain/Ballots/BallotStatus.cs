namespace Exemplars.Domain.Ballots;

public enum BallotStatus
{
    Open,
    Closed,
}
