using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Tests;

public sealed class PlanRulesTests
{
    private static PlanRules.RoundDraft Draft() => new("Tổng kết", 2021, 2024, 2, 2021, 2025, new DateOnly(2025, 3, 30), new DateOnly(2025, 5, 19), null, 5, 5);

    [Fact]
    public void Valid_round_has_no_errors() => Assert.Empty(PlanRules.ValidateRound(Draft()));

    [Fact]
    public void Round_boundaries_are_refused_in_Vietnamese()
    {
        Assert.Single(PlanRules.ValidateRound(Draft() with { FirstRatingYear = 2025 }));
        Assert.Single(PlanRules.ValidateRound(Draft() with { MinExcellentYears = 5 }));
        Assert.Empty(PlanRules.ValidateRound(Draft() with { MinExcellentYears = 4 }));
        Assert.Single(PlanRules.ValidateRound(Draft() with { MinExcellentYears = -1 }));
        Assert.Single(PlanRules.ValidateRound(Draft() with { ReviewFromYear = 2026 }));
        Assert.Single(PlanRules.ValidateRound(Draft() with { CeremonyDate = new DateOnly(2025, 3, 30) }));
        Assert.Single(PlanRules.ValidateRound(Draft() with { QuotaIndividuals = -1 }));
        Assert.Single(PlanRules.ValidateRound(Draft() with { Name = " " }));
        Assert.All(PlanRules.ValidateRound(Draft() with { Name = "", QuotaCollectives = 101 }), e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData("2026-2030", true)]
    [InlineData("2026", false)]
    [InlineData("26-30", false)]
    [InlineData(null, false)]
    public void Plan_codes_are_year_ranges(string? code, bool valid) => Assert.Equal(valid, PlanRules.ValidatePlanCode(code) is null);

    [Fact]
    public void Clone_moves_every_year_and_date_and_shares_nothing()
    {
        var source = BuiltInPlans.Plan2021To2025();
        var clone = PlanRules.Clone(source, "2026-2030", "Kế hoạch 2026–2030", 5);
        Assert.False(clone.IsBuiltIn);
        Assert.Equal(["2026-2028", "2026-2030"], clone.Rounds.Select(r => r.Code).ToArray());
        var final = clone.Rounds.Single(r => r.Code == "2026-2030");
        Assert.Equal((2026, 2029, 2026, 2030, 2), (final.FirstRatingYear, final.LastRatingYear, final.ReviewFromYear, final.ReviewToYear, final.MinExcellentYears));
        Assert.Equal(new DateOnly(2030, 3, 30), final.GrassrootsDeadline);
        Assert.Equal(new DateOnly(2030, 5, 19), final.CeremonyDate);
        Assert.Contains("19/5/2030", final.CeremonyOccasion, StringComparison.Ordinal);
        Assert.Equal("Giai đoạn 1: Từ năm 2026 - 2028", clone.Phases[0].Name);
        Assert.Equal(source.Criteria.Count, clone.Criteria.Count);
        clone.Criteria[0].Text = "khác";
        Assert.NotEqual("khác", source.Criteria[0].Text);
    }

    [Fact]
    public void Criterion_edit_is_in_place_while_no_round_is_frozen()
    {
        var plan = WithIds(BuiltInPlans.Plan2021To2025());
        Assert.Null(PlanRules.EditCriterion(plan, "3.2.3.2", "Văn bản mới.", new HashSet<int>()));
        var criterion = Assert.Single(plan.Criteria, c => c.Code == "3.2.3.2");
        Assert.Equal("Văn bản mới.", criterion.Text);
        Assert.All(plan.Rounds, r => Assert.Equal(1, r.CriteriaVersion));
    }

    [Fact]
    public void Criterion_edit_after_nominations_makes_a_new_version_for_unfrozen_rounds_only()
    {
        var plan = WithIds(BuiltInPlans.Plan2021To2025());
        var interim = plan.Rounds.Single(r => r.Code == "2021-2023");
        var final = plan.Rounds.Single(r => r.Code == "2021-2025");
        var old = plan.Criteria.Single(c => c.Code == "3.2.3.2").Text;
        Assert.Null(PlanRules.EditCriterion(plan, "3.2.3.2", "Văn bản mới.", new HashSet<int> { interim.Id }));
        var versions = plan.Criteria.Where(c => c.Code == "3.2.3.2").OrderBy(c => c.Version).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(old, versions[0].Text);
        Assert.True(versions[0].AppliesIn(1));
        Assert.False(versions[0].AppliesIn(2));
        Assert.True(versions[1].AppliesIn(2));
        Assert.False(versions[1].AppliesIn(1));
        Assert.Equal(1, interim.CriteriaVersion);
        Assert.Equal(2, final.CriteriaVersion);
        Assert.True(plan.Criteria.Single(c => c.Code == "3.2.3.1").AppliesIn(2));
    }

    [Fact]
    public void Criterion_edit_refuses_empty_text_and_unknown_codes()
    {
        var plan = WithIds(BuiltInPlans.Plan2021To2025());
        Assert.NotNull(PlanRules.EditCriterion(plan, "3.2.3.2", "  ", new HashSet<int>()));
        Assert.NotNull(PlanRules.EditCriterion(plan, "9.9", "x", new HashSet<int>()));
    }

    private static Plan WithIds(Plan plan)
    {
        for (var i = 0; i < plan.Rounds.Count; i++)
        {
            plan.Rounds[i].Id = i + 1;
        }

        return plan;
    }
}
