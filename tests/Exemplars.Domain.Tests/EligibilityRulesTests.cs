using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Tests;

/// <summary>Every boundary of every checkable rule, table-driven. Ratings are written as a compact string: one letter per rating year (E, G, C, N, or '-' for no rating).</summary>
public sealed class EligibilityRulesTests
{
    private static readonly RoundTerms Final = new("2021-2025", 2021, 2024, 2, 2021, 2025);
    private static readonly RoundTerms Interim = new("2021-2023", 2021, 2022, 1, 2021, 2023);

    private static Dictionary<int, Rating> Ratings(string pattern, int firstYear = 2021)
    {
        var ratings = new Dictionary<int, Rating>();
        for (var i = 0; i < pattern.Length; i++)
        {
            Rating? rating = pattern[i] switch
            {
                'E' => Rating.Excellent,
                'G' => Rating.Good,
                'C' => Rating.Completed,
                'N' => Rating.NotCompleted,
                _ => null,
            };
            if (rating is { } r)
            {
                ratings[firstYear + i] = r;
            }
        }

        return ratings;
    }

    private static EligibilityFacts Member(string ratings, int? joinYear = 2010, int firstYear = 2021) =>
        new(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: joinYear, Ratings: Ratings(ratings, firstYear));

    [Theory]
    [InlineData("EEGG", RuleStatus.Pass)]
    [InlineData("EEEE", RuleStatus.Pass)]
    [InlineData("GEGE", RuleStatus.Pass)]
    [InlineData("EGGG", RuleStatus.Fail)]       // one Excellent year, two needed
    [InlineData("GGGG", RuleStatus.Fail)]
    [InlineData("EE-G", RuleStatus.Unknown)]    // enough Excellent years but a year is unrated
    [InlineData("E-GG", RuleStatus.Unknown)]    // E + U = 2 reaches the minimum
    [InlineData("--GG", RuleStatus.Unknown)]    // E + U = 2
    [InlineData("-GGG", RuleStatus.Fail)]       // E + U = 1 < 2
    [InlineData("----", RuleStatus.Unknown)]
    [InlineData("EEEC", RuleStatus.Fail)]       // a counted year rated Completed fails whatever else
    [InlineData("EEEN", RuleStatus.Fail)]
    [InlineData("C---", RuleStatus.Fail)]
    public void Party_member_ratings_in_the_final_round(string ratings, RuleStatus expected)
    {
        var result = PartyMemberYearlyRatingRule.Evaluate(Member(ratings), Final);
        Assert.NotNull(result);
        Assert.Equal(expected, result.Status);
        Assert.Equal("party_member_ratings", result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Theory]
    [InlineData("EG", RuleStatus.Pass)]
    [InlineData("GE", RuleStatus.Pass)]
    [InlineData("GG", RuleStatus.Fail)]
    [InlineData("G-", RuleStatus.Unknown)]
    [InlineData("E-", RuleStatus.Unknown)]
    [InlineData("EC", RuleStatus.Fail)]
    [InlineData("EGC", RuleStatus.Pass)]       // 2023 is outside the interim round's rating years
    public void Party_member_ratings_in_the_interim_round(string ratings, RuleStatus expected) =>
        Assert.Equal(expected, PartyMemberYearlyRatingRule.Evaluate(Member(ratings), Interim)!.Status);

    [Theory]
    [InlineData(2023, "CCEE", RuleStatus.Pass)]     // years before joining are not counted
    [InlineData(2023, "--EG", RuleStatus.Fail)]     // counted 2023–2024: one Excellent
    [InlineData(2023, "--E-", RuleStatus.Unknown)]
    [InlineData(2024, "---E", RuleStatus.Fail)]     // one counted year can never reach two
    [InlineData(2025, "EEEE", RuleStatus.Fail)]     // joined after the rating years: nothing counted
    [InlineData(2021, "EEGG", RuleStatus.Pass)]
    [InlineData(2022, "NEEG", RuleStatus.Pass)]
    public void Party_member_ratings_count_from_the_join_year(int joinYear, string ratings, RuleStatus expected) =>
        Assert.Equal(expected, PartyMemberYearlyRatingRule.Evaluate(Member(ratings, joinYear), Final)!.Status);

    [Fact]
    public void Party_member_rule_does_not_apply_to_non_members_or_collectives()
    {
        Assert.Null(PartyMemberYearlyRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: false), Final));
        Assert.Null(PartyMemberYearlyRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.1", PartyMember: true), Final));
    }

    [Fact]
    public void Party_member_messages_explain_in_Vietnamese_which_years()
    {
        var unknown = PartyMemberYearlyRatingRule.Evaluate(Member("EE-G"), Final)!;
        Assert.Contains("Chưa có xếp loại năm 2023", unknown.Message, StringComparison.Ordinal);
        var fail = PartyMemberYearlyRatingRule.Evaluate(Member("EEEC"), Final)!;
        Assert.Contains("Năm 2024 chỉ được xếp loại hoàn thành nhiệm vụ", fail.Message, StringComparison.Ordinal);
    }

    private static CollectiveFacts Collective(string party, params (MassOrganizationType Type, string Ratings)[] mass) =>
        new(Ratings(party), mass.ToDictionary(m => m.Type, m => (IReadOnlyDictionary<int, Rating>)Ratings(m.Ratings)));

    public static TheoryData<CollectiveFacts?, RuleStatus> CollectiveCases => new()
    {
        { null, RuleStatus.Unknown },
        { Collective("EEEE"), RuleStatus.Pass },
        { Collective("EEEG"), RuleStatus.Fail },
        { Collective("EEE-"), RuleStatus.Unknown },
        { Collective("EEEE", (MassOrganizationType.YouthUnion, "EEEE"), (MassOrganizationType.TradeUnion, "EEEE")), RuleStatus.Pass },
        { Collective("EEEE", (MassOrganizationType.YouthUnion, "EEGE")), RuleStatus.Fail },
        { Collective("EEEE", (MassOrganizationType.YouthUnion, "E---")), RuleStatus.Unknown },
        { Collective("EEEE", (MassOrganizationType.WomenUnion, "")), RuleStatus.Pass },   // no ratings recorded: not counted
        { Collective("EEE-", (MassOrganizationType.VeteransAssociation, "CEEE")), RuleStatus.Fail }, // a failure outweighs a gap
        { Collective("EEEEC"), RuleStatus.Pass },   // 2025 is outside the rating years
        { Collective(""), RuleStatus.Unknown },
    };

    [Fact]
    public void Collective_ratings_name_a_single_rating_year_as_one_year_and_several_as_a_range()
    {
        var oneYear = new RoundTerms("2026-2028", 2026, 2026, 1, 2026, 2028);
        var passed = CollectiveRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.1", Collective: new CollectiveFacts(Ratings("E", 2026), new Dictionary<MassOrganizationType, IReadOnlyDictionary<int, Rating>>())), oneYear)!;
        Assert.Equal(RuleStatus.Pass, passed.Status);
        Assert.EndsWith("đều hoàn thành xuất sắc nhiệm vụ năm 2026.", passed.Message, StringComparison.Ordinal);
        var failed = CollectiveRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.1", Collective: new CollectiveFacts(Ratings("G", 2026), new Dictionary<MassOrganizationType, IReadOnlyDictionary<int, Rating>>())), oneYear)!;
        Assert.Contains("trong năm 2026:", failed.Message, StringComparison.Ordinal);
        var range = CollectiveRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.1", Collective: Collective("EEEE")), Final)!;
        Assert.EndsWith("mọi năm 2021–2024.", range.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CollectiveCases))]
    public void Collective_ratings_for_a_collective_nominee(CollectiveFacts? collective, RuleStatus expected)
    {
        var result = CollectiveRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.1", Collective: collective), Final)!;
        Assert.Equal("collective_ratings", result.Code);
        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [MemberData(nameof(CollectiveCases))]
    public void Leader_collective_uses_the_same_test_on_the_led_collective(CollectiveFacts? collective, RuleStatus expected)
    {
        var result = CollectiveRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.1", Leader: true, Collective: collective), Final)!;
        Assert.Equal("leader_collective", result.Code);
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Leader_collective_does_not_apply_to_non_leaders()
    {
        Assert.Null(CollectiveRatingRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.1", Leader: false, Collective: Collective("GGGG")), Final));
    }

    [Theory]
    [InlineData(2020, RuleStatus.Pass)]
    [InlineData(2021, RuleStatus.Fail)]
    [InlineData(2025, RuleStatus.Fail)]
    [InlineData(2026, RuleStatus.Pass)]
    public void Discipline_in_the_review_period_fails(int year, RuleStatus expected)
    {
        var result = DisciplineRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.5", DisciplineYears: [year]), Final)!;
        Assert.Equal(expected, result.Status);
        Assert.Equal(RuleStatus.Fail, DisciplineRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.5", DisciplineYears: [2023]), Interim)!.Status);
        Assert.Equal(RuleStatus.Pass, DisciplineRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, "3.2.5", DisciplineYears: [2024]), Interim)!.Status);
        Assert.Null(DisciplineRule.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.1", DisciplineYears: [year]), Final));
    }

    [Theory]
    [InlineData("3.2.5", true, RuleStatus.Pass)]
    [InlineData("3.2.5", false, RuleStatus.Unknown)]
    public void Family_law_is_known_only_from_the_attestation(string category, bool attested, RuleStatus expected) =>
        Assert.Equal(expected, FamilyLawRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, category, FamilyLawAttested: attested), Final)!.Status);

    [Theory]
    [InlineData("3.2.1")]
    [InlineData("3.2.4")]
    public void Family_law_applies_only_to_3_2_5(string category) =>
        Assert.Null(FamilyLawRule.Evaluate(new EligibilityFacts(NomineeKind.Individual, category, FamilyLawAttested: false), Final));

    [Theory]
    [InlineData(new[] { RuleStatus.Pass, RuleStatus.Pass }, Verdict.Eligible)]
    [InlineData(new[] { RuleStatus.Pass, RuleStatus.Unknown }, Verdict.Indeterminate)]
    [InlineData(new[] { RuleStatus.Unknown, RuleStatus.Fail }, Verdict.Ineligible)]
    [InlineData(new[] { RuleStatus.Fail, RuleStatus.Pass }, Verdict.Ineligible)]
    [InlineData(new RuleStatus[0], Verdict.Eligible)]
    public void Verdict_is_ineligible_on_any_fail_else_indeterminate_on_any_unknown(RuleStatus[] statuses, Verdict expected) =>
        Assert.Equal(expected, EligibilityResult.Combine(statuses.Select(s => new RuleResult("x", s, "…"))));

    [Theory]
    [InlineData(NomineeKind.Individual, "3.1.1", false)]
    [InlineData(NomineeKind.Collective, "3.2.5", false)]
    [InlineData(NomineeKind.Individual, "4.1", false)]
    [InlineData(NomineeKind.Individual, "3.2.2", true)]
    [InlineData(NomineeKind.Collective, "3.1.2", true)]
    public void Category_must_exist_and_match_the_kind(NomineeKind kind, string category, bool valid)
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var error = EligibilityEngine.ValidateCategory(new EligibilityFacts(kind, category), plan.Categories);
        Assert.Equal(valid, error is null);
        if (error is not null)
        {
            Assert.Equal("nominee.category", error.Field);
        }
    }

    [Fact]
    public void Engine_runs_the_applicable_rules_and_lists_judgement_criteria_without_the_fully_checked_one()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var facts = new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010, Leader: true,
            Ratings: Ratings("EEGG"), FamilyLawAttested: true, Collective: Collective("EEEE"));
        var result = EligibilityEngine.Evaluate(facts, Final, plan.Criteria, 1);
        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Equal(["party_member_ratings", "leader_collective", "discipline", "family_law"], result.Rules.Select(r => r.Code).ToArray());
        var codes = result.JudgementCriteria.Select(c => c.Code).ToList();
        Assert.Contains("2", codes);
        Assert.Contains("3.2.5.1", codes);
        Assert.Contains("3.2.leader", codes);
        Assert.DoesNotContain("3.2.party_member", codes);
        Assert.DoesNotContain(codes, c => c.StartsWith("3.2.1", StringComparison.Ordinal));

        var collective = EligibilityEngine.Evaluate(new EligibilityFacts(NomineeKind.Collective, "3.1.2", Collective: Collective("EEEE")), Final, plan.Criteria, 1);
        Assert.Equal(["collective_ratings"], collective.Rules.Select(r => r.Code).ToArray());
        Assert.DoesNotContain(collective.JudgementCriteria, c => c.Code == "3.2.leader");
        Assert.Equal(5, collective.JudgementCriteria.Count); // the general criterion and 3.1.2's four
    }
}
