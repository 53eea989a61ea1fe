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

    public static string KeyOf(NomineeKind kind, int id) => (kind == NomineeKind.Individual ? "P:" : "C:") + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the province decided about a candidate the bloc sent up.</summary>
public enum ProvinceOutcome
{
    None,
    Pending,
    Commended,
    NotCommended,
}

/// <summary>An uploaded file: evidence for a criterion, or the scan of the signed minutes.</summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    /// <summary>The criterion it supports; "minutes" for the minutes scan; null for general evidence.</summary>
    public string? CriterionCode { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Path of the stored bytes, relative to the storage root; never derived from the uploaded name.</summary>
    public string StoragePath { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }

    public const string MinutesScan = "minutes";
}

/// <summary>What the secretariat received at one submission, frozen as JSON.</summary>
public sealed class NominationVersion
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public int Number { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    public string Snapshot { get; set; } = "{}";
}

/// <summary>A later deadline the secretariat granted one organisation for one round, with the reason.</summary>
public sealed class DeadlineExtension
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int OrganizationId { get; set; }

    public DateOnly Until { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string GrantedBy { get; set; } = string.Empty;

    public DateTime GrantedAtUtc { get; set; }
}

/// <summary>An in-app notice for the people of an organisation (or one user).</summary>
public sealed class Notification
{
    public long Id { get; set; }

    /// <summary>Everyone whose scope includes this organisation with one of <see cref="Roles"/> sees it.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Comma-separated role names the notice is for.</summary>
    public string Roles { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the notice was claimed for e-mail (set before sending, so a restart never sends it twice).</summary>
    public DateTime? EmailedAtUtc { get; set; }

    /// <summary>Why the e-mail failed, if it did; the notice stays in the app either way.</summary>
    public string? EmailError { get; set; }
}

/// <summary>A deadline reminder already sent: the unique key makes the reminder job idempotent across restarts.</summary>
public sealed class SentReminder
{
    public long Id { get; set; }

    /// <summary>E.g. "round:3:org:17:d7:2026-03-30" or "report:12:org:17:d1:2026-06-20".</summary>
    public string Key { get; set; } = string.Empty;

    public int OrganizationId { get; set; }

    public DateTime SentAtUtc { get; set; }
}
