namespace Exemplars.Domain.Ballots;

public enum BallotChoice
{
    Approve,
    Disapprove,
}
