using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Plans;

/// <summary>
/// A programme such as the 2021–2025 plan: its phases, rounds, nominee categories and criteria. Plans are data:
/// the built-in 2021–2025 plan is seeded from <see cref="BuiltInPlans"/>; later plans are cloned and edited.
/// </summary>
public sealed class Plan
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. "2021-2025".</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The document the plan implements, e.g. "Kế hoạch số 56-KH/TU, ngày 24/02/2022 của Ban Thường vụ Tỉnh ủy".</summary>
    public string? Basis { get; set; }

    /// <summary>The plan's own number as issued, e.g. "05-KH/ĐUK", for the basis lines of documents under it.</summary>
    public string? IssuedNumber { get; set; }

    /// <summary>The day the plan was issued.</summary>
    public DateOnly? IssuedOn { get; set; }

    public bool IsBuiltIn { get; set; }

    /// <summary>The day by which each grassroots committee should have issued its own implementation plan (plan III.1.1); reminders go before it.</summary>
    public DateOnly? ImplementationPlansDueOn { get; set; }

    /// <summary>Review-meeting quorum: present ≥ numerator/denominator of all members (default 2/3).</summary>
    public int QuorumNumerator { get; set; } = 2;

    public int QuorumDenominator { get; set; } = 3;

    /// <summary>Review-meeting approval: agree &gt; numerator/denominator of all members (default 1/2).</summary>
    public int ApprovalNumerator { get; set; } = 1;

    public int ApprovalDenominator { get; set; } = 2;

    /// <summary>Changes on every edit of the plan, its thresholds, issue number or criteria; an edit sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public Nominations.VoteThresholds Thresholds => new(QuorumNumerator, QuorumDenominator, ApprovalNumerator, ApprovalDenominator);

    public List<Phase> Phases { get; set; } = [];

    public List<Round> Rounds { get; set; } = [];

    public List<NomineeCategory> Categories { get; set; } = [];

    public List<Criterion> Criteria { get; set; } = [];

    /// <summary>Half-year and annual reporting periods (plan IV.1), with their deadlines.</summary>
    public List<Reports.ReportingPeriod> ReportingPeriods { get; set; } = [];
}

/// <summary>A stretch of a plan (giai đoạn), e.g. 2021–2023.</summary>
public sealed class Phase
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Number { get; set; }

    public string Name { get; set; } = string.Empty;

    public int FromYear { get; set; }

    public int ToYear { get; set; }
}

public enum RoundKind
{
    /// <summary>Sơ kết (3 năm).</summary>
    Interim,

    /// <summary>Tổng kết (5 năm).</summary>
    Final,
}

/// <summary>A review-and-commend cycle (sơ kết / tổng kết) with its own years, deadline, quotas and ceremony.</summary>
public sealed class Round
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>Changes on every edit; an edit sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Unique across plans, e.g. "2021-2023".</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public RoundKind Kind { get; set; }

    public int PhaseNumber { get; set; }

    public int FirstRatingYear { get; set; }

    public int LastRatingYear { get; set; }

    public int MinExcellentYears { get; set; }

    public int ReviewFromYear { get; set; }

    public int ReviewToYear { get; set; }

    /// <summary>Grassroots committees send their exemplars to the bloc before the end of this day (Asia/Ho_Chi_Minh).</summary>
    public DateOnly GrassrootsDeadline { get; set; }

    public DateOnly CeremonyDate { get; set; }

    public string? CeremonyOccasion { get; set; }

    public int QuotaCollectives { get; set; }

    public int QuotaIndividuals { get; set; }

    /// <summary>The criteria version this round uses; frozen once the round has nominations.</summary>
    public int CriteriaVersion { get; set; } = 1;

    /// <summary>Set when the round's first nomination is made: from then on a criterion edit makes a new version.</summary>
    public bool CriteriaFrozen { get; set; }

    public RoundTerms Terms => new(Code, FirstRatingYear, LastRatingYear, MinExcellentYears, ReviewFromYear, ReviewToYear);

    /// <summary>A detached copy (a round has no navigations), for a cache that hands rounds to many requests.</summary>
    public Round Copy() => (Round)MemberwiseClone();
}

/// <summary>A criteria group of plan section II.3 (đối tượng, lĩnh vực), e.g. 3.2.3 health.</summary>
public sealed class NomineeCategory
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The plan's code: 3.1.1, 3.1.2, 3.2.1 … 3.2.5.</summary>
    public string Code { get; set; } = string.Empty;

    public NomineeKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public int SortOrder { get; set; }
}

/// <summary>Where a criterion applies.</summary>
public enum CriterionScope
{
    /// <summary>Tiêu chí chung: every nominee.</summary>
    General,

    /// <summary>Tiêu chí cụ thể of one category.</summary>
    Category,

    /// <summary>Individuals holding a leading or managing post.</summary>
    Leader,

    /// <summary>Individuals who are party members.</summary>
    PartyMember,
}

/// <summary>One criterion, verbatim from the plan. Versioned: an edit after nominations exist adds a new version.</summary>
public sealed class Criterion
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public CriterionScope Scope { get; set; }

    /// <summary>The category code for <see cref="CriterionScope.Category"/>; null otherwise.</summary>
    public string? CategoryCode { get; set; }

    /// <summary>A sub-group heading inside a category, e.g. 3.2.1's "Đối với cá nhân là doanh nhân, người đứng đầu doanh nghiệp".</summary>
    public string? SubGroup { get; set; }

    /// <summary>Stable code, e.g. "3.2.1.a.2".</summary>
    public string Code { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    /// <summary>The rule that checks this criterion completely from data, if any; such criteria are not listed for judgement.</summary>
    public string? CheckedByRule { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The first version in which this text no longer applies (null: still current).</summary>
    public int? RetiredInVersion { get; set; }

    public bool AppliesIn(int version) => Version <= version && (RetiredInVersion is null || RetiredInVersion > version);
}
