using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Eligibility;

/// <summary>
/// Plan II.3, 3.2.1 (sản xuất - kinh doanh) has two sets of criteria: (a) "Đối với cá nhân là doanh nhân, người đứng đầu
/// doanh nghiệp" and (b) "Đối với cá nhân không phải là doanh nhân, người đứng đầu doanh nghiệp". A dossier in that
/// category chooses one; only the chosen set applies. A category's sets are told apart by the criteria's codes
/// (<c>3.2.1.a.n</c>, <c>3.2.1.b.n</c>), which a cloned plan keeps.
/// </summary>
public static class EnterpriseBranch
{
    public const string CategoryCode = "3.2.1";

    public const string BusinessLeaderLabel = "Là doanh nhân, người đứng đầu doanh nghiệp";

    public const string OtherLabel = "Không phải là doanh nhân, người đứng đầu doanh nghiệp";

    /// <summary>Whether a dossier in this category must choose a branch.</summary>
    public static bool Required(NomineeKind kind, string? categoryCode) => kind == NomineeKind.Individual && categoryCode == CategoryCode;

    /// <summary>True for the business-leader set, false for the other set, null for a criterion outside both sets.</summary>
    public static bool? Of(Criterion criterion)
    {
        if (criterion.CategoryCode != CategoryCode || criterion.Scope != CriterionScope.Category)
        {
            return null;
        }

        var prefix = CategoryCode + ".";
        if (!criterion.Code.StartsWith(prefix, StringComparison.Ordinal) || criterion.Code.Length < prefix.Length + 2 || criterion.Code[prefix.Length + 1] != '.')
        {
            return null;
        }

        return criterion.Code[prefix.Length] switch
        {
            'a' => true,
            'b' => false,
            _ => null,
        };
    }

    /// <summary>
    /// A criterion of one set applies only when the dossier chose that set. With no choice yet, neither set is listed
    /// (the rule <see cref="Evaluate"/> then reports the missing choice).
    /// </summary>
    public static bool Applies(Criterion criterion, bool? businessLeader) => Of(criterion) is not { } branch || branch == businessLeader;

    public const string Code = "enterprise_branch";

    /// <summary>For a 3.2.1 individual without a chosen branch: not yet known which criteria apply.</summary>
    public static RuleResult? Evaluate(EligibilityFacts facts, RoundTerms round) =>
        Required(facts.Kind, facts.CategoryCode) && facts.BusinessLeader is null
            ? new RuleResult(Code, RuleStatus.Unknown, "Chưa chọn cá nhân là doanh nhân, người đứng đầu doanh nghiệp hay không phải: chưa xác định được bộ tiêu chí mục 3.2.1 áp dụng.")
            : null;

    public static string Label(bool businessLeader) => businessLeader ? BusinessLeaderLabel : OtherLabel;
}
