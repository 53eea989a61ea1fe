namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// The audit rows of a change could not be written, so the change was rolled back. Deliberately not a
/// <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>: handlers read those as conflicts ("already nominated",
/// "edited by someone else"), and this is a fault of the system, reported as a 500.
/// </summary>
public sealed class AuditWriteException : Exception
{
    public AuditWriteException()
        : base("The audit rows of the change could not be written; the change was rolled back.")
    {
    }

    public AuditWriteException(string message)
        : base(message)
    {
    }

    public AuditWriteException(Exception inner)
        : base("The audit rows of the change could not be written; the change was rolled back.", inner)
    {
    }

    public AuditWriteException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
