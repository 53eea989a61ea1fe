using Exemplars.Domain.Common;

namespace Exemplars.Domain.Nominations;

/// <summary>
/// The one state machine of a nomination: every invalid move is refused the same way (409, code invalid_transition).
/// The switch over the status has no default arm, so a new status does not compile until its moves are written here.
/// </summary>
public static class NominationStateMachine
{
    public const string InvalidTransition = "invalid_transition";

    public static Result<NominationStatus> Next(NominationStatus status, NominationAction action)
    {
        NominationStatus? next = status switch
        {
            NominationStatus.Draft => action switch
            {
                NominationAction.Submit => NominationStatus.Submitted,
                NominationAction.Withdraw => NominationStatus.Withdrawn,
                _ => null,
            },
            NominationStatus.Submitted or NominationStatus.Resubmitted => action switch
            {
                NominationAction.Return => NominationStatus.Returned,
                NominationAction.Accept => NominationStatus.Verified,
                NominationAction.Withdraw => NominationStatus.Withdrawn,
                _ => null,
            },
            NominationStatus.Returned => action switch
            {
                NominationAction.Submit => NominationStatus.Resubmitted,
                NominationAction.Withdraw => NominationStatus.Withdrawn,
                _ => null,
            },
            NominationStatus.Withdrawn => null,
            NominationStatus.Verified => action switch
            {
                NominationAction.Return => NominationStatus.Returned,
                NominationAction.Withdraw => NominationStatus.Withdrawn,
                NominationAction.OpenBallot => NominationStatus.InBallot,
                _ => null,
            },
            NominationStatus.InBallot => action switch
            {
                NominationAction.PassBallot => NominationStatus.Commended,
                NominationAction.FailBallot => NominationStatus.NotCommended,
                NominationAction.VoidBallot => NominationStatus.Verified,
                _ => null,
            },
            NominationStatus.Commended => action switch
            {
                NominationAction.ProposeToProvince => NominationStatus.ProposedToProvince,
                _ => null,
            },
            NominationStatus.NotCommended => null,

            // The province's outcome is a fact recorded by the secretariat: a wrongly typed one may be corrected, nothing else.
            NominationStatus.ProposedToProvince or NominationStatus.ProvinceCommended or NominationStatus.ProvinceNotCommended => action switch
            {
                NominationAction.ProvinceCommend => NominationStatus.ProvinceCommended,
                NominationAction.ProvinceDecline => NominationStatus.ProvinceNotCommended,
                _ => null,
            },
        };

        if (next is { } moved)
        {
            return moved;
        }

        return IsFrozen(status) && action is NominationAction.Withdraw or NominationAction.Return or NominationAction.Submit
            ? DomainError.Conflict(InvalidTransition, $"Hồ sơ đã được đưa ra bỏ phiếu (trạng thái “{status.Label()}”): không thể {action.Label()} nữa.")
            : DomainError.Conflict(InvalidTransition, $"Không thể {action.Label()} hồ sơ đang ở trạng thái “{status.Label()}”.");
    }

    /// <summary>The clerk may still change the dossier: before submission, or after it was returned.</summary>
    public static bool IsEditable(NominationStatus status) => status is NominationStatus.Draft or NominationStatus.Returned;

    /// <summary>Dossiers someone still has to act on: the unit (editable: a draft, a returned dossier) or the secretariat (sent, sent again).</summary>
    public static IReadOnlyList<NominationStatus> AwaitingAction { get; } =
        [.. Enum.GetValues<NominationStatus>().Where(s => IsEditable(s) || s is NominationStatus.Submitted or NominationStatus.Resubmitted)];

    /// <summary>From the opening of the ballot on, the dossier is part of the bloc's decisions: no withdrawal, no return.</summary>
    public static bool IsFrozen(NominationStatus status) => status switch
    {
        NominationStatus.Draft or NominationStatus.Submitted or NominationStatus.Returned or NominationStatus.Resubmitted
            or NominationStatus.Withdrawn or NominationStatus.Verified => false,
        NominationStatus.InBallot or NominationStatus.Commended or NominationStatus.NotCommended or NominationStatus.ProposedToProvince
            or NominationStatus.ProvinceCommended or NominationStatus.ProvinceNotCommended => true,
    };

    /// <summary>The ballot passed the candidate: only such nominations may be listed in a decision (Quyết định khen thưởng).</summary>
    public static bool WasCommendedByBallot(NominationStatus status) => status is NominationStatus.Commended or NominationStatus.ProposedToProvince
        or NominationStatus.ProvinceCommended or NominationStatus.ProvinceNotCommended;

    /// <summary>Sent up to the province in a Tờ trình (with or without its outcome yet).</summary>
    public static bool WasProposedToProvince(NominationStatus status) => status is NominationStatus.ProposedToProvince
        or NominationStatus.ProvinceCommended or NominationStatus.ProvinceNotCommended;

    /// <summary>
    /// Whether an earlier nomination of the same nominee in the same round stops a new one: every one does except a
    /// withdrawn one, and a withdrawn one never got past verification, so someone voted on, commended or sent to the
    /// province is never nominated again in the round.
    /// </summary>
    public static DomainError? CanNominateAgain(string name, string round, IEnumerable<NominationStatus> earlier)
    {
        var blocking = earlier.Where(s => s != NominationStatus.Withdrawn).ToList();
        if (blocking.Count == 0)
        {
            return null;
        }

        return blocking.Any(IsFrozen)
            ? DomainError.Conflict("already_nominated", $"{name} đã được đưa ra bỏ phiếu trong đợt {round} (trạng thái “{blocking.First(IsFrozen).Label()}”); không thể đề nghị lại trong đợt này.")
            : DomainError.Conflict("already_nominated", $"{name} đã được đề nghị trong đợt {round}.");
    }

    public static string Label(this NominationStatus status) => status switch
    {
        NominationStatus.Draft => "Đang soạn",
        NominationStatus.Submitted => "Đã gửi",
        NominationStatus.Returned => "Bị trả lại",
        NominationStatus.Resubmitted => "Đã gửi lại",
        NominationStatus.Withdrawn => "Đã rút",
        NominationStatus.Verified => "Đã thẩm định",
        NominationStatus.InBallot => "Đang bỏ phiếu",
        NominationStatus.Commended => "Được bầu chọn",
        NominationStatus.NotCommended => "Không được bầu chọn",
        NominationStatus.ProposedToProvince => "Đã đề nghị cấp trên",
        NominationStatus.ProvinceCommended => "Được cấp trên khen thưởng",
        NominationStatus.ProvinceNotCommended => "Cấp trên không khen thưởng",
    };

    public static string Label(this NominationAction action) => action switch
    {
        NominationAction.Submit => "gửi",
        NominationAction.Return => "trả lại",
        NominationAction.Withdraw => "rút",
        NominationAction.Accept => "tiếp nhận",
        NominationAction.OpenBallot => "đưa ra bỏ phiếu",
        NominationAction.PassBallot => "ghi nhận được bầu chọn cho",
        NominationAction.FailBallot => "ghi nhận không được bầu chọn cho",
        NominationAction.VoidBallot => "hủy kết quả bỏ phiếu của",
        NominationAction.ProposeToProvince => "đề nghị cấp trên khen thưởng",
        NominationAction.ProvinceCommend => "ghi kết quả cấp trên khen thưởng cho",
        NominationAction.ProvinceDecline => "ghi kết quả cấp trên không khen thưởng cho",
    };
}
