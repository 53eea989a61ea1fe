using Exemplars.Domain.Organizations;
using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Eligibility;

/// <summary>
/// "Phát hiện" (plan IV.1): whether a person's or a collective's registry facts make it a suggestion in a round. A
/// subject is suggested when its category is one of the plan's and every rule the registry can decide passes; the
/// family attestation and the enterprise-branch check are given with a nomination, so they cannot decide a suggestion.
/// </summary>
public static class Suggestion
{
    /// <summary>The rules that passed, as reasons to show; null when the subject is not a suggestion.</summary>
    public static IReadOnlyList<RuleResult>? Reasons(EligibilityFacts facts, Round round, IReadOnlyList<NomineeCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (EligibilityEngine.ValidateCategory(facts, categories) is not null)
        {
            return null;
        }

        var rules = EligibilityEngine.Evaluate(facts, round.Terms, [], round.CriteriaVersion).Rules
            .Where(r => r.Code != FamilyLawRule.Code && r.Code != EnterpriseBranch.Code).ToList();
        return rules.Count > 0 && EligibilityResult.Combine(rules) == Verdict.Eligible ? rules : null;
    }

    /// <summary>A grassroots collective is judged in 3.1.1 (state agencies) or 3.1.2 (enterprises and the rest).</summary>
    public static string CollectiveCategory(HostUnitType? hostUnitType) => hostUnitType == HostUnitType.StateAgency ? "3.1.1" : "3.1.2";
}
