namespace Exemplars.Domain.Common;

/// <summary>How a broken rule should be reported; the web layer maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    RuleBroken,
}

/// <summary>An error as data: a stable machine code, a Vietnamese message, and the field it concerns, if any.</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static DomainError Invalid(string field, string message) => new(ErrorKind.Validation, "validation", message, field);

    public static DomainError NotFound(string message = "Không tìm thấy dữ liệu yêu cầu.") => new(ErrorKind.NotFound, "not_found", message);

    public static DomainError Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static DomainError Rule(string code, string message) => new(ErrorKind.RuleBroken, code, message);

    /// <summary>A well-formed request naming records that exist but do not qualify (or are not there) in the current state:
    /// 422, not 400, so that a client can tell a malformed body from a choice the data does not allow.</summary>
    public static DomainError Rule(string code, string message, string field) => new(ErrorKind.RuleBroken, code, message, field);
}
