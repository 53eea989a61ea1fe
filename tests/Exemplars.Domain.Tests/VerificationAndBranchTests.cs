using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Review;

namespace Exemplars.Domain.Tests;

public sealed class VerificationAndBranchTests
{
    private static readonly RoundTerms Final = new("2021-2025", 2021, 2024, 2, 2021, 2025);

    private static readonly Dictionary<int, Rating> Excellent = Enumerable.Range(2021, 4).ToDictionary(y => y, _ => Rating.Excellent);

    private static List<string> Codes(bool? businessLeader) =>
        EligibilityEngine.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.1", PartyMember: true, PartyJoinYear: 2010, Ratings: Excellent, FamilyLawAttested: true, BusinessLeader: businessLeader),
            Final, BuiltInPlans.Plan2021To2025().Criteria, 1).JudgementCriteria.Select(c => c.Code).ToList();

    [Fact]
    public void A_business_leader_is_judged_on_set_a_only()
    {
        var codes = Codes(true);
        Assert.Equal(["3.2.1.a.1", "3.2.1.a.2", "3.2.1.a.3"], codes.Where(c => c.StartsWith("3.2.1", StringComparison.Ordinal)).ToArray());
        Assert.Contains("2", codes);
    }

    [Fact]
    public void Anyone_else_in_3_2_1_is_judged_on_set_b_only()
    {
        Assert.Equal(["3.2.1.b.1", "3.2.1.b.2"], Codes(false).Where(c => c.StartsWith("3.2.1", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void Without_a_chosen_set_neither_applies_and_the_verdict_waits_for_the_choice()
    {
        Assert.DoesNotContain(Codes(null), c => c.StartsWith("3.2.1", StringComparison.Ordinal));
        var result = EligibilityEngine.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.1", PartyMember: true, PartyJoinYear: 2010, Ratings: Excellent, FamilyLawAttested: true),
            Final, BuiltInPlans.Plan2021To2025().Criteria, 1);
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Contains(result.Rules, r => r.Code == EnterpriseBranch.Code && r.Status == RuleStatus.Unknown);
    }

    [Fact]
    public void Other_categories_need_no_choice_and_ignore_one()
    {
        Assert.False(EnterpriseBranch.Required(NomineeKind.Individual, "3.2.5"));
        Assert.False(EnterpriseBranch.Required(NomineeKind.Collective, "3.1.2"));
        Assert.True(EnterpriseBranch.Required(NomineeKind.Individual, "3.2.1"));
        var result = EligibilityEngine.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010, Ratings: Excellent, FamilyLawAttested: true),
            Final, BuiltInPlans.Plan2021To2025().Criteria, 1);
        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.DoesNotContain(result.Rules, r => r.Code == EnterpriseBranch.Code);
    }

    [Fact]
    public void The_sets_survive_a_plan_clone()
    {
        var clone = PlanRules.Clone(BuiltInPlans.Plan2021To2025(), "2026-2030", "Kế hoạch 2026 - 2030", 5);
        Assert.Equal(3, clone.Criteria.Count(c => EnterpriseBranch.Of(c) == true));
        Assert.Equal(2, clone.Criteria.Count(c => EnterpriseBranch.Of(c) == false));
        Assert.All(clone.Criteria.Where(c => c.CategoryCode != "3.2.1"), c => Assert.Null(EnterpriseBranch.Of(c)));
    }

    private static readonly (string Code, string Name)[] Criteria = [("2", "Tiêu chí chung"), ("3.2.5.1", "Hoàn thành xuất sắc nhiệm vụ")];

    [Fact]
    public void Every_criterion_must_be_judged_nothing_assumed()
    {
        var errors = VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, null), new VerificationEntry("3.2.5.1", null, null)]);
        var error = Assert.Single(errors);
        Assert.Contains("Chưa chọn kết quả cho tiêu chí “Hoàn thành xuất sắc nhiệm vụ”", error.Message, StringComparison.Ordinal);
        Assert.Single(VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, null)]));
    }

    [Theory]
    [InlineData(CheckResult.Fail)]
    [InlineData(CheckResult.NeedsMore)]
    public void A_criterion_not_passed_needs_a_note(CheckResult result)
    {
        Assert.Single(VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, null), new VerificationEntry("3.2.5.1", result, "  ")]));
        Assert.Empty(VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, null), new VerificationEntry("3.2.5.1", result, "Thiếu quyết định.")]));
    }

    [Fact]
    public void Entries_outside_the_dossier_or_twice_are_refused_and_notes_are_bounded()
    {
        Assert.NotEmpty(VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, null), new VerificationEntry("3.2.5.1", CheckResult.Pass, null), new VerificationEntry("9.9", CheckResult.Pass, null)]));
        Assert.NotEmpty(VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, null), new VerificationEntry("2", CheckResult.Fail, "x"), new VerificationEntry("3.2.5.1", CheckResult.Pass, null)]));
        Assert.NotEmpty(VerificationRules.Validate(Criteria, [new VerificationEntry("2", CheckResult.Pass, new string('a', 2001)), new VerificationEntry("3.2.5.1", CheckResult.Pass, null)]));
    }

    [Fact]
    public void The_return_reason_lists_each_criterion_not_passed_with_its_note()
    {
        var entries = new[] { new VerificationEntry("2", CheckResult.Pass, null), new VerificationEntry("3.2.5.1", CheckResult.NeedsMore, "Thiếu quyết định công nhận sáng kiến.") };
        Assert.True(VerificationRules.AllPass([entries[0]]));
        Assert.False(VerificationRules.AllPass(entries));
        Assert.Equal("- Hoàn thành xuất sắc nhiệm vụ: cần bổ sung – Thiếu quyết định công nhận sáng kiến.", VerificationRules.ReturnReason(Criteria, entries));
    }
}
