namespace Exemplars.Domain.Common;

/// <summary>
/// Where a unit stands against a deadline: the one vocabulary of round dossiers and periodic reports (labels in
/// <see cref="Deadlines.Label"/>). A unit with a granted extension is never "late" or "missing" before the extension ends.
/// </summary>
public enum DeadlineState
{
    /// <summary>Chưa đến hạn, chưa gửi.</summary>
    NotYetDue,

    /// <summary>Đã gửi đúng hạn.</summary>
    OnTime,

    /// <summary>Trong thời gian gia hạn: gửi sau hạn chung nhưng trong hạn được gia hạn, hoặc chưa gửi mà gia hạn còn hiệu lực.</summary>
    WithinExtension,

    /// <summary>Gửi trễ hạn (sau cả thời gian gia hạn, nếu có).</summary>
    Late,

    /// <summary>Quá hạn, chưa gửi.</summary>
    Missing,
}
