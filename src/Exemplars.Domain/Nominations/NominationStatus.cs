using Exemplars.Domain.Common;

namespace Exemplars.Domain.Nominations;

/// <summary>Where a nomination (hồ sơ đề nghị) is in its life. Later states (verification, ballot) come with the review feature.</summary>
public enum NominationStatus
{
    Draft,
    Submitted,
    Returned,
    Resubmitted,
    Withdrawn,

    /// <summary>Checked by the secretariat against every criterion and accepted as a candidate.</summary>
    Verified,
}

public enum NominationAction
{
    Submit,
    Return,
    Withdraw,
    Accept,
}

/// <summary>The one state machine of a nomination: every invalid move is refused the same way (409, code invalid_transition).</summary>
public static class NominationStateMachine
{
    public static Result<NominationStatus> Next(NominationStatus status, NominationAction action) => (status, action) switch
    {
        (NominationStatus.Draft, NominationAction.Submit) => NominationStatus.Submitted,
        (NominationStatus.Returned, NominationAction.Submit) => NominationStatus.Resubmitted,
        (NominationStatus.Submitted or NominationStatus.Resubmitted or NominationStatus.Verified, NominationAction.Return) => NominationStatus.Returned,
        (NominationStatus.Submitted or NominationStatus.Resubmitted, NominationAction.Accept) => NominationStatus.Verified,
        (NominationStatus.Draft or NominationStatus.Submitted or NominationStatus.Returned or NominationStatus.Resubmitted or NominationStatus.Verified, NominationAction.Withdraw) => NominationStatus.Withdrawn,
        _ => DomainError.Conflict("invalid_transition", $"Không thể {action.Label()} hồ sơ đang ở trạng thái “{status.Label()}”."),
    };

    /// <summary>The clerk may still change the dossier: before submission, or after it was returned.</summary>
    public static bool IsEditable(NominationStatus status) => status is NominationStatus.Draft or NominationStatus.Returned;

    public static string Label(this NominationStatus status) => status switch
    {
        NominationStatus.Draft => "Đang soạn",
        NominationStatus.Submitted => "Đã gửi",
        NominationStatus.Returned => "Bị trả lại",
        NominationStatus.Resubmitted => "Đã gửi lại",
        NominationStatus.Withdrawn => "Đã rút",
        NominationStatus.Verified => "Đã thẩm định",
    };

    public static string Label(this NominationAction action) => action switch
    {
        NominationAction.Submit => "gửi",
        NominationAction.Return => "trả lại",
        NominationAction.Withdraw => "rút",
        NominationAction.Accept => "tiếp nhận",
    };
}
