namespace Exemplars.Domain.Eligibility;

public enum RuleStatus
{
    Pass,
    Fail,
    Unknown,
}

public enum Verdict
{
    Eligible,
    Ineligible,
    Indeterminate,
}

/// <summary>One checkable rule's outcome with its Vietnamese explanation.</summary>
public sealed record RuleResult(string Code, RuleStatus Status, string Message);

/// <summary>The combined outcome: the verdict, each rule that applied, and the criteria people must still judge.</summary>
public sealed record EligibilityResult(Verdict Verdict, IReadOnlyList<RuleResult> Rules, IReadOnlyList<JudgementCriterion> JudgementCriteria)
{
    /// <summary>Ineligible if any rule fails, else Indeterminate if any is unknown, else Eligible.</summary>
    public static Verdict Combine(IEnumerable<RuleResult> rules)
    {
        var statuses = rules.Select(r => r.Status).ToList();
        return statuses.Contains(RuleStatus.Fail) ? Verdict.Ineligible
            : statuses.Contains(RuleStatus.Unknown) ? Verdict.Indeterminate
            : Verdict.Eligible;
    }
}

public sealed record JudgementCriterion(string Code, string Text);

public static class VerdictLabels
{
    public static string Label(this Verdict verdict) => verdict switch
    {
        Verdict.Eligible => "Đủ điều kiện (theo các tiêu chí kiểm tra được)",
        Verdict.Ineligible => "Không đủ điều kiện",
        Verdict.Indeterminate => "Chưa đủ dữ liệu để kết luận",
    };

    public static string Label(this RuleStatus status) => status switch
    {
        RuleStatus.Pass => "Đạt",
        RuleStatus.Fail => "Không đạt",
        RuleStatus.Unknown => "Chưa xác định",
    };
}
