using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Eligibility;

/// <summary>Runs every checkable rule over facts already loaded, and lists the criteria that remain for human judgement.</summary>
public static class EligibilityEngine
{
    private static readonly Func<EligibilityFacts, RoundTerms, RuleResult?>[] Rules =
    [
        PartyMemberYearlyRatingRule.Evaluate,
        CollectiveRatingRule.Evaluate,
        DisciplineRule.Evaluate,
        FamilyLawRule.Evaluate,
        EnterpriseBranch.Evaluate,
    ];

    /// <summary>A category of the other kind (3.1.x for an individual, 3.2.x for a collective) or an unknown one is a bad request, not a verdict.</summary>
    public static DomainError? ValidateCategory(EligibilityFacts facts, IReadOnlyList<NomineeCategory> categories)
    {
        if (!Enum.IsDefined(facts.Kind))
        {
            return DomainError.Invalid("nominee.kind", "Loại đối tượng phải là Individual (cá nhân) hoặc Collective (tập thể).");
        }

        var category = categories.FirstOrDefault(c => c.Code == facts.CategoryCode);
        if (category is null)
        {
            return DomainError.Invalid("nominee.category", $"Không có đối tượng, lĩnh vực mã \"{facts.CategoryCode}\" trong kế hoạch. Các mã hợp lệ: {string.Join(", ", categories.Select(c => c.Code))}.");
        }

        return category.Kind != facts.Kind
            ? DomainError.Invalid("nominee.category", $"Mục {category.Code} ({category.Title}) dành cho {category.Kind.Label().ToLowerInvariant()}, không dùng cho {facts.Kind.Label().ToLowerInvariant()}.")
            : null;
    }

    public static EligibilityResult Evaluate(EligibilityFacts facts, RoundTerms round, IEnumerable<Criterion> criteria, int criteriaVersion)
    {
        var results = Rules.Select(rule => rule(facts, round)).OfType<RuleResult>().ToList();
        var judgement = criteria
            .Where(c => c.AppliesIn(criteriaVersion) && c.CheckedByRule is null && Applies(c, facts))
            .OrderBy(c => c.Scope).ThenBy(c => c.SortOrder)
            .Select(c => new JudgementCriterion(c.Code, c.Text))
            .ToList();
        return new EligibilityResult(EligibilityResult.Combine(results), results, judgement);
    }

    private static bool Applies(Criterion criterion, EligibilityFacts facts) => criterion.Scope switch
    {
        CriterionScope.General => true,
        CriterionScope.Category => criterion.CategoryCode == facts.CategoryCode && EnterpriseBranch.Applies(criterion, facts.BusinessLeader),
        CriterionScope.Leader => facts.Kind == NomineeKind.Individual && facts.Leader,
        CriterionScope.PartyMember => facts.Kind == NomineeKind.Individual && facts.PartyMember,
    };
}
