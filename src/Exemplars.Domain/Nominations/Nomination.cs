using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Nominations;

/// <summary>
/// A grassroots committee's dossier for one nominee in one round: the achievement report, evidence files, the review
/// meeting's minutes. Each submission freezes an immutable <see cref="NominationVersion"/>.
/// </summary>
public sealed class Nomination
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>The grassroots organisation that nominates (and owns the dossier).</summary>
    public int OrganizationId { get; set; }

    public NomineeKind Kind { get; set; }

    public int? PersonId { get; set; }

    /// <summary>For a collective nominee: the organisation or sub-unit nominated.</summary>
    public int? CollectiveId { get; set; }

    /// <summary>"P:123" or "C:45": unique per round, so the same nominee cannot be nominated twice by any unit.</summary>
    public string NomineeKey { get; set; } = string.Empty;

    public string NomineeName { get; set; } = string.Empty;

    public string CategoryCode { get; set; } = string.Empty;

    /// <summary>For 3.2.1: true "là doanh nhân, người đứng đầu doanh nghiệp", false "không phải"; null elsewhere (Eligibility.EnterpriseBranch).</summary>
    public bool? BusinessLeader { get; set; }

    public NominationStatus Status { get; set; } = NominationStatus.Draft;

    public string? Summary { get; set; }

    public string? AchievementsByYear { get; set; }

    public string? Initiatives { get; set; }

    public string? CommendationsReceived { get; set; }

    /// <summary>Free text with formatting, sanitized on save.</summary>
    public string? ReportHtml { get; set; }

    public DateOnly? MinutesDate { get; set; }

    public int? MembersTotal { get; set; }

    public int? MembersPresent { get; set; }

    public int? VotesAgree { get; set; }

    public int? VotesDisagree { get; set; }

    public int? VotesAbstain { get; set; }

    public int? MinutesScanId { get; set; }

    public bool FamilyLawAttested { get; set; }

    public string? IndeterminateExplanation { get; set; }

    public string? ReturnReason { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public int SubmissionCount { get; set; }

    /// <summary>The Tờ trình that sent this candidate up to the province, if any.</summary>
    public int? ForwardedInDecisionId { get; set; }

    public ProvinceOutcome ProvinceOutcome { get; set; } = ProvinceOutcome.None;

    public string? ProvinceOutcomeNote { get; set; }

    /// <summary>When the secretariat recorded the province's outcome: the day it counts in periodic reports.</summary>
    public DateTime? ProvinceOutcomeAtUtc { get; set; }

    /// <summary>Optimistic concurrency: two clerks submitting at once — one wins, the other gets 409.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<EvidenceFile> Evidence { get; set; } = [];

    public List<NominationVersion> Versions { get; set; } = [];

    public MeetingMinutes? Minutes => MinutesDate is { } date && MembersTotal is { } total && MembersPresent is { } present
        && VotesAgree is { } agree && VotesDisagree is { } disagree && VotesAbstain is { } abstain
        ? new MeetingMinutes(date, total, present, agree, disagree, abstain)
        : null;

    /// <summary>The unit withdraws its dossier (never once it was put to a ballot).</summary>
    public Result<NominationStatus> Withdraw() => Move(NominationAction.Withdraw);

    /// <summary>The secretariat returns the dossier with its reason (never once it was put to a ballot).</summary>
    public Result<NominationStatus> ReturnToUnit(string reason)
    {
        var moved = Move(NominationAction.Return);
        if (moved.IsSuccess)
        {
            ReturnReason = reason;
        }

        return moved;
    }

    /// <summary>The unit sends (or re-sends) the dossier; the caller freezes the <see cref="NominationVersion"/>.</summary>
    public Result<NominationStatus> Submit(DateTime nowUtc)
    {
        var moved = Move(NominationAction.Submit);
        if (moved.IsSuccess)
        {
            SubmittedAtUtc = nowUtc;
            SubmissionCount++;
            ReturnReason = null;
        }

        return moved;
    }

    /// <summary>The secretariat accepts the verified dossier as a candidate.</summary>
    public Result<NominationStatus> Accept() => Move(NominationAction.Accept);

    /// <summary>A main ballot over the candidate opens: from now on the dossier is frozen.</summary>
    public Result<NominationStatus> EnterBallot() => Move(NominationAction.OpenBallot);

    /// <summary>The main ballot closed: without quorum it decided nothing; with quorum the candidate passed or not.</summary>
    public Result<NominationStatus> RecordBallot(bool quorumMet, bool passed) =>
        Move(!quorumMet ? NominationAction.VoidBallot : passed ? NominationAction.PassBallot : NominationAction.FailBallot);

    /// <summary>A Tờ trình lists the candidate for the province; the province viewers see it from now on.</summary>
    public Result<NominationStatus> ProposeToProvince(int submissionId)
    {
        var moved = Move(NominationAction.ProposeToProvince);
        if (moved.IsSuccess)
        {
            ForwardedInDecisionId = submissionId;
            ProvinceOutcome = ProvinceOutcome.Pending;
        }

        return moved;
    }

    /// <summary>The province's outcome; the first record dates it in periodic reports, a correction does not move the date.</summary>
    public Result<NominationStatus> RecordProvinceOutcome(ProvinceOutcome outcome, string? note, DateTime nowUtc)
    {
        if (outcome is not (ProvinceOutcome.Commended or ProvinceOutcome.NotCommended))
        {
            return DomainError.Invalid("Outcome", "Kết quả phải là “được khen thưởng” hoặc “không được khen thưởng”.");
        }

        var moved = Move(outcome == ProvinceOutcome.Commended ? NominationAction.ProvinceCommend : NominationAction.ProvinceDecline);
        if (moved.IsSuccess)
        {
            ProvinceOutcome = outcome;
            ProvinceOutcomeAtUtc ??= nowUtc;
            var trimmed = note?.Trim();
            ProvinceOutcomeNote = string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, 1000)];
        }

        return moved;
    }

    private Result<NominationStatus> Move(NominationAction action)
    {
        var next = NominationStateMachine.Next(Status, action);
        if (next.IsSuccess)
        {
            Status = next.Value;
            Version = Guid.NewGuid();
        }

        return next;
    }

    public static string KeyOf(NomineeKind kind, int id) => (kind == NomineeKind.Individual ? "P:" : "C:") + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
