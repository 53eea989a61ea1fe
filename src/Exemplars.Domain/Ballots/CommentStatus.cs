namespace Exemplars.Domain.Ballots;

public enum CommentStatus
{
    Pending,
    Accepted,
    Rejected,
}
