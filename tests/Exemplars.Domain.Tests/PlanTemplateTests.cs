using System.Text.RegularExpressions;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Tests;

/// <summary>The built-in 2021–2025 plan must reproduce the plan's text: any drift from docs/plan fails here.</summary>
public sealed partial class PlanTemplateTests
{
    private static readonly Lazy<string> PlanText = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs/plan/ke-hoach-dien-hinh-2021-2025.md")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Normalise(File.ReadAllText(Path.Combine(dir.FullName, "docs/plan/ke-hoach-dien-hinh-2021-2025.md")));
    });

    private static string Normalise(string text) => Spaces().Replace(text.Replace("*", string.Empty, StringComparison.Ordinal), " ");

    [Fact]
    public void Every_criterion_and_category_title_is_verbatim_from_the_plan()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.All(plan.Criteria, c => Assert.Contains(Normalise(c.Text), PlanText.Value, StringComparison.Ordinal));
        Assert.All(plan.Categories, c => Assert.Contains($"{c.Code}. {c.Title}", PlanText.Value, StringComparison.Ordinal));
        Assert.All(plan.Phases, p => Assert.Contains(p.Name, PlanText.Value, StringComparison.Ordinal));
        Assert.All(plan.Criteria.Where(c => c.SubGroup is not null), c => Assert.Contains(c.SubGroup!, PlanText.Value, StringComparison.Ordinal));
        Assert.Contains(plan.Basis!, PlanText.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_split_by_page_breaks_are_joined()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Contains(plan.Criteria, c => c.Text.Contains("thực hiện tốt Kết luận số 14-KL/TW, ngày 22/9/2021", StringComparison.Ordinal));
        Assert.Contains(plan.Criteria, c => c.Text.Contains("giải quyết việc làm và phúc lợi cho người lao động", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3.1.1", NomineeKind.Collective, 4)]
    [InlineData("3.1.2", NomineeKind.Collective, 4)]
    [InlineData("3.2.1", NomineeKind.Individual, 5)]
    [InlineData("3.2.2", NomineeKind.Individual, 3)]
    [InlineData("3.2.3", NomineeKind.Individual, 3)]
    [InlineData("3.2.4", NomineeKind.Individual, 3)]
    [InlineData("3.2.5", NomineeKind.Individual, 3)]
    public void Categories_have_their_kind_and_criteria(string code, NomineeKind kind, int criteria)
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Equal(kind, plan.Categories.Single(c => c.Code == code).Kind);
        Assert.Equal(criteria, plan.Criteria.Count(c => c.Scope == CriterionScope.Category && c.CategoryCode == code));
    }

    [Fact]
    public void Business_category_has_its_two_sub_groups_and_education_includes_students()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var groups = plan.Criteria.Where(c => c.CategoryCode == "3.2.1").GroupBy(c => c.SubGroup).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(3, groups["Đối với cá nhân là doanh nhân, người đứng đầu doanh nghiệp"]);
        Assert.Equal(2, groups["Đối với cá nhân không phải là doanh nhân, người đứng đầu doanh nghiệp"]);
        Assert.Contains(plan.Criteria, c => c.CategoryCode == "3.2.2" && c.Text.StartsWith("Đối với học sinh, sinh viên", StringComparison.Ordinal));
    }

    [Fact]
    public void Rounds_carry_the_plans_dates_years_and_quotas()
    {
        var rounds = BuiltInPlans.Plan2021To2025().Rounds.ToDictionary(r => r.Code);
        var interim = rounds["2021-2023"];
        Assert.Equal((RoundKind.Interim, 2021, 2022, 1, 2021, 2023), (interim.Kind, interim.FirstRatingYear, interim.LastRatingYear, interim.MinExcellentYears, interim.ReviewFromYear, interim.ReviewToYear));
        Assert.Equal(new DateOnly(2023, 3, 30), interim.GrassrootsDeadline);
        Assert.Equal(new DateOnly(2023, 5, 19), interim.CeremonyDate);
        var final = rounds["2021-2025"];
        Assert.Equal((RoundKind.Final, 2021, 2024, 2, 2021, 2025), (final.Kind, final.FirstRatingYear, final.LastRatingYear, final.MinExcellentYears, final.ReviewFromYear, final.ReviewToYear));
        Assert.Equal(new DateOnly(2025, 3, 30), final.GrassrootsDeadline);
        Assert.Equal(new DateOnly(2025, 5, 19), final.CeremonyDate);
        Assert.All(rounds.Values, r => Assert.Equal((5, 5), (r.QuotaCollectives, r.QuotaIndividuals)));
        Assert.Contains("(05 tập thể, 05 cá nhân)", PlanText.Value, StringComparison.Ordinal);
        Assert.Contains("trước ngày 30/3/2025", PlanText.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_party_member_criterion_is_fully_checked_by_a_rule_and_codes_are_unique()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var checkedOne = Assert.Single(plan.Criteria, c => c.CheckedByRule is not null);
        Assert.Equal(CriterionScope.PartyMember, checkedOne.Scope);
        Assert.Equal(PartyMemberYearlyRatingRule.Code, checkedOne.CheckedByRule);
        Assert.Equal(plan.Criteria.Count, plan.Criteria.Select(c => c.Code).Distinct().Count());
        Assert.Single(plan.Criteria, c => c.Scope == CriterionScope.General);
        Assert.Single(plan.Criteria, c => c.Scope == CriterionScope.Leader);
    }

    [Fact]
    public void Each_call_builds_a_fresh_graph()
    {
        var first = BuiltInPlans.Plan2021To2025();
        first.Criteria[0].Text = "đã sửa";
        first.Rounds.Clear();
        var second = BuiltInPlans.Plan2021To2025();
        Assert.NotEqual("đã sửa", second.Criteria[0].Text);
        Assert.Equal(2, second.Rounds.Count);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
