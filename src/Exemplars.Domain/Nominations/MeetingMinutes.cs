using Exemplars.Domain.Common;

namespace Exemplars.Domain.Nominations;

/// <summary>The grassroots review meeting (bình xét) that decided the nomination, as recorded in its signed minutes.</summary>
public sealed record MeetingMinutes(DateOnly Date, int MembersTotal, int Present, int Agree, int Disagree, int Abstain);

/// <summary>Quorum and approval thresholds of a plan: quorum is present ≥ quorum × members; approval is agree &gt; approval × members.</summary>
public sealed record VoteThresholds(int QuorumNumerator = 2, int QuorumDenominator = 3, int ApprovalNumerator = 1, int ApprovalDenominator = 2)
{
    public static VoteThresholds Default { get; } = new();

    public bool HasQuorum(int present, int members) => (long)present * QuorumDenominator >= (long)members * QuorumNumerator;

    public bool IsApproved(int agree, int members) => (long)agree * ApprovalDenominator > (long)members * ApprovalNumerator;
}

public static class MinutesRules
{
    /// <summary>Numbers that cannot be (more present than members, more votes than people present) are input errors.</summary>
    public static List<DomainError> Validate(MeetingMinutes minutes, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (minutes.MembersTotal <= 0 || minutes.MembersTotal > 1000)
        {
            errors.Add(DomainError.Invalid(nameof(minutes.MembersTotal), "Tổng số thành viên phải từ 1 đến 1000."));
        }

        if (minutes.Present < 0 || minutes.Present > minutes.MembersTotal)
        {
            errors.Add(DomainError.Invalid(nameof(minutes.Present), "Số có mặt phải từ 0 đến tổng số thành viên."));
        }

        if (minutes.Agree < 0 || minutes.Disagree < 0 || minutes.Abstain < 0 || minutes.Agree + minutes.Disagree + minutes.Abstain > minutes.Present)
        {
            errors.Add(DomainError.Invalid(nameof(minutes.Agree), "Số đồng ý, không đồng ý và không biểu quyết cộng lại không được vượt số có mặt."));
        }

        if (minutes.Date > today)
        {
            errors.Add(DomainError.Invalid(nameof(minutes.Date), "Ngày họp không được sau ngày hôm nay."));
        }

        return errors;
    }

    /// <summary>A vote below quorum or approval blocks submission, with the reason in numbers.</summary>
    public static DomainError? CheckThresholds(MeetingMinutes minutes, VoteThresholds thresholds)
    {
        if (!thresholds.HasQuorum(minutes.Present, minutes.MembersTotal))
        {
            return DomainError.Rule("minutes_no_quorum", $"Cuộc họp bình xét không đủ số thành viên có mặt: {minutes.Present}/{minutes.MembersTotal}, cần ít nhất {thresholds.QuorumNumerator}/{thresholds.QuorumDenominator} tổng số thành viên.");
        }

        return thresholds.IsApproved(minutes.Agree, minutes.MembersTotal)
            ? null
            : DomainError.Rule("minutes_not_approved", $"Số đồng ý {minutes.Agree}/{minutes.MembersTotal} chưa quá {thresholds.ApprovalNumerator}/{thresholds.ApprovalDenominator} tổng số thành viên.");
    }
}
