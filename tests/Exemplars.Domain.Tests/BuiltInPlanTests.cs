using System.Text.RegularExpressions;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Tests;

/// <summary>
/// <see cref="BuiltInPlans.Plan2021To2025"/> must reproduce docs/plan/ke-hoach-dien-hinh-2021-2025.md: every text is
/// checked against the plan (markdown markup stripped, whitespace collapsed), and the plan's criteria bullets are parsed
/// back out of the markdown so that a missing, extra or reordered criterion fails too.
/// </summary>
public sealed partial class BuiltInPlanTests
{
    private const string PlanPath = "docs/plan/ke-hoach-dien-hinh-2021-2025.md";
    private const string BusinessLeaders = "Đối với cá nhân là doanh nhân, người đứng đầu doanh nghiệp";
    private const string BusinessOthers = "Đối với cá nhân không phải là doanh nhân, người đứng đầu doanh nghiệp";

    private static readonly Lazy<string> RawPlan = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, PlanPath)))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, $"{PlanPath} not found above {AppContext.BaseDirectory}");
        return File.ReadAllText(Path.Combine(dir.FullName, PlanPath));
    });

    private static readonly Lazy<string> PlanText = new(() => Normalise(RawPlan.Value));

    private static string Normalise(string text) =>
        Spaces().Replace(text.Replace("*", string.Empty, StringComparison.Ordinal), " ").Trim();

    [Fact]
    public void Every_criterion_text_is_verbatim_from_the_plan()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.All(plan.Criteria, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Text), c.Code);
            Assert.Equal(Normalise(c.Text), c.Text);
            Assert.Contains(c.Text, PlanText.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Category_titles_sub_groups_phases_name_and_basis_are_verbatim_from_the_plan()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.All(plan.Categories, c => Assert.Contains($"{c.Code}. {c.Title}", PlanText.Value, StringComparison.Ordinal));
        Assert.All(plan.Phases, p => Assert.Contains($"{p.Number}. {p.Name}", PlanText.Value, StringComparison.Ordinal));
        Assert.All(plan.Criteria.Where(c => c.SubGroup is not null), c => Assert.Contains($"+ {c.SubGroup}", PlanText.Value, StringComparison.Ordinal));
        Assert.Contains($"Thực hiện {plan.Basis} về", PlanText.Value, StringComparison.Ordinal);

        const string prefix = "Kế hoạch ";
        Assert.StartsWith(prefix, plan.Name, StringComparison.Ordinal);
        Assert.StartsWith($"KẾ HOẠCH {plan.Name[prefix.Length..]} Thực hiện", PlanText.Value, StringComparison.Ordinal);
        Assert.Equal(BuiltInPlans.Plan2021To2025Code, plan.Code);
        Assert.True(plan.IsBuiltIn);
    }

    [Fact]
    public void The_criteria_are_exactly_the_plans_bullets_in_order()
    {
        var expected = ParseCriteria(RawPlan.Value);
        var actual = BuiltInPlans.Plan2021To2025().Criteria
            .OrderBy(c => c.SortOrder)
            .Select(c => (c.Scope, c.CategoryCode, c.SubGroup, c.Text))
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("3.1.1", NomineeKind.Collective, 4, 1)]
    [InlineData("3.1.2", NomineeKind.Collective, 4, 2)]
    [InlineData("3.2.1", NomineeKind.Individual, 5, 3)]
    [InlineData("3.2.2", NomineeKind.Individual, 3, 4)]
    [InlineData("3.2.3", NomineeKind.Individual, 3, 5)]
    [InlineData("3.2.4", NomineeKind.Individual, 3, 6)]
    [InlineData("3.2.5", NomineeKind.Individual, 3, 7)]
    public void Categories_have_their_kind_order_and_number_of_criteria(string code, NomineeKind kind, int criteria, int sortOrder)
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var category = Assert.Single(plan.Categories, c => c.Code == code);
        Assert.Equal(kind, category.Kind);
        Assert.Equal(sortOrder, category.SortOrder);
        Assert.Equal(criteria, plan.Criteria.Count(c => c.Scope == CriterionScope.Category && c.CategoryCode == code));
    }

    [Fact]
    public void Category_kind_follows_the_code_prefix_and_every_category_criterion_belongs_to_a_category()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Equal(7, plan.Categories.Count);
        Assert.Equal(plan.Categories.Count, plan.Categories.Select(c => c.Code).Distinct().Count());
        Assert.All(plan.Categories, c =>
        {
            var expected = c.Code.StartsWith("3.1.", StringComparison.Ordinal) ? NomineeKind.Collective
                : c.Code.StartsWith("3.2.", StringComparison.Ordinal) ? NomineeKind.Individual
                : throw new InvalidOperationException($"Unexpected category code {c.Code}");
            Assert.Equal(expected, c.Kind);
        });

        var codes = plan.Categories.Select(c => c.Code).ToHashSet();
        Assert.All(plan.Criteria, c =>
        {
            if (c.Scope == CriterionScope.Category)
            {
                Assert.Contains(c.CategoryCode!, codes);
                Assert.StartsWith(c.CategoryCode + ".", c.Code, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(c.CategoryCode);
                Assert.Null(c.SubGroup);
            }
        });
    }

    [Fact]
    public void Business_category_has_two_sub_groups_and_education_ends_with_students()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var business = plan.Criteria.Where(c => c.CategoryCode == "3.2.1").OrderBy(c => c.SortOrder).Select(c => (c.Code, c.SubGroup)).ToList();
        Assert.Equal(
            [
                ("3.2.1.a.1", BusinessLeaders), ("3.2.1.a.2", BusinessLeaders), ("3.2.1.a.3", BusinessLeaders),
                ("3.2.1.b.1", BusinessOthers), ("3.2.1.b.2", BusinessOthers),
            ],
            business);
        Assert.All(plan.Criteria.Where(c => c.CategoryCode != "3.2.1"), c => Assert.Null(c.SubGroup));

        var students = plan.Criteria.Where(c => c.CategoryCode == "3.2.2").MaxBy(c => c.SortOrder);
        Assert.NotNull(students);
        Assert.Equal("3.2.2.3", students.Code);
        Assert.StartsWith("Đối với học sinh, sinh viên", students.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Phases_and_rounds_carry_the_plans_years_dates_and_quotas()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Equal(
            [(1, "Giai đoạn 1: Từ năm 2021 - 2023", 2021, 2023), (2, "Giai đoạn 2: Từ năm 2023 - 2025", 2023, 2025)],
            plan.Phases.Select(p => (p.Number, p.Name, p.FromYear, p.ToYear)).ToList());
        Assert.Equal(2, plan.Rounds.Count);

        var interim = Assert.Single(plan.Rounds, r => r.Code == "2021-2023");
        Assert.Equal(("Sơ kết giai đoạn 2021 - 2023", RoundKind.Interim, 1), (interim.Name, interim.Kind, interim.PhaseNumber));
        Assert.Equal((2021, 2022, 1, 2021, 2023), (interim.FirstRatingYear, interim.LastRatingYear, interim.MinExcellentYears, interim.ReviewFromYear, interim.ReviewToYear));
        Assert.Equal(new DateOnly(2023, 3, 30), interim.GrassrootsDeadline);
        Assert.Equal(new DateOnly(2023, 5, 19), interim.CeremonyDate);
        Assert.Equal("Kỷ niệm 133 năm Ngày sinh nhật Bác (19/5/1890 - 19/5/2023)", interim.CeremonyOccasion);

        var final = Assert.Single(plan.Rounds, r => r.Code == "2021-2025");
        Assert.Equal(("Tổng kết giai đoạn 2021 - 2025", RoundKind.Final, 2), (final.Name, final.Kind, final.PhaseNumber));
        Assert.Equal((2021, 2024, 2, 2021, 2025), (final.FirstRatingYear, final.LastRatingYear, final.MinExcellentYears, final.ReviewFromYear, final.ReviewToYear));
        Assert.Equal(new DateOnly(2025, 3, 30), final.GrassrootsDeadline);
        Assert.Equal(new DateOnly(2025, 5, 19), final.CeremonyDate);
        Assert.Equal("Kỷ niệm 135 năm Ngày sinh nhật Bác (19/5/1890 - 19/5/2025)", final.CeremonyOccasion);

        Assert.All(plan.Rounds, r =>
        {
            Assert.Equal((5, 5, 1, false), (r.QuotaCollectives, r.QuotaIndividuals, r.CriteriaVersion, r.CriteriaFrozen));
            Assert.Equal(r.ReviewToYear, Assert.Single(plan.Phases, p => p.Number == r.PhaseNumber).ToYear);

            // The facts the round encodes, as the plan states them (the occasion is capitalised in the template).
            Assert.Contains($"trước ngày {r.GrassrootsDeadline.Day}/{r.GrassrootsDeadline.Month}/{r.GrassrootsDeadline.Year}", PlanText.Value, StringComparison.Ordinal);
            Assert.Contains($"giai đoạn {r.ReviewFromYear} - {r.ReviewToYear} nhân dịp k{r.CeremonyOccasion![1..]}", PlanText.Value, StringComparison.Ordinal);
        });
        Assert.Equal(2, Occurrences(PlanText.Value, $"10 gương điển hình tiêu biểu (0{interim.QuotaCollectives} tập thể, 0{interim.QuotaIndividuals} cá nhân)"));
        Assert.Contains($"ít nhất 0{interim.MinExcellentYears} năm (đối với khen thưởng sơ kết 3 năm) hoặc 0{final.MinExcellentYears} năm (đối với khen thưởng tổng kết 5 năm)", PlanText.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_party_member_criterion_is_checked_by_a_rule()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        var ruled = Assert.Single(plan.Criteria, c => c.CheckedByRule is not null);
        Assert.Equal((CriterionScope.PartyMember, "3.2.party_member", PartyMemberYearlyRatingRule.Code), (ruled.Scope, ruled.Code, ruled.CheckedByRule));
        Assert.StartsWith("Nếu là đảng viên ngoài các tiêu chuẩn trên", ruled.Text, StringComparison.Ordinal);

        var leader = Assert.Single(plan.Criteria, c => c.Scope == CriterionScope.Leader);
        Assert.Equal(("3.2.leader", null), (leader.Code, leader.CheckedByRule));
        Assert.StartsWith("Đối với cá nhân giữ chức vụ lãnh đạo, quản lý", leader.Text, StringComparison.Ordinal);

        var general = Assert.Single(plan.Criteria, c => c.Scope == CriterionScope.General);
        Assert.Equal(("2", null), (general.Code, general.CheckedByRule));
    }

    [Fact]
    public void Criterion_codes_are_unique_and_sort_orders_increase_within_each_group()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Equal(plan.Criteria.Count, plan.Criteria.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(plan.Criteria.GroupBy(c => (c.Scope, c.CategoryCode, c.SubGroup)), g =>
        {
            var orders = g.Select(c => c.SortOrder).ToList();
            Assert.Equal(orders.Order(), orders);
            Assert.Equal(orders.Count, orders.Distinct().Count());
        });
        Assert.All(plan.Criteria, c => Assert.Equal((1, (int?)null, true), (c.Version, c.RetiredInVersion, c.AppliesIn(1))));
    }

    [Fact]
    public void The_graph_has_no_ids_yet()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Equal(0, plan.Id);
        Assert.All(plan.Phases, p => Assert.Equal((0, 0), (p.Id, p.PlanId)));
        Assert.All(plan.Rounds, r => Assert.Equal((0, 0), (r.Id, r.PlanId)));
        Assert.All(plan.Categories, c => Assert.Equal((0, 0), (c.Id, c.PlanId)));
        Assert.All(plan.Criteria, c => Assert.Equal((0, 0), (c.Id, c.PlanId)));
    }

    [Fact]
    public void Each_call_builds_a_fresh_graph()
    {
        var first = BuiltInPlans.Plan2021To2025();
        var pristine = BuiltInPlans.Plan2021To2025();
        var firstText = first.Criteria[0].Text;
        first.Name = "đã sửa";
        first.Criteria[0].Text = "đã sửa";
        first.Criteria.RemoveAt(first.Criteria.Count - 1);
        first.Categories[0].Title = "đã sửa";
        first.Rounds[0].QuotaCollectives = 99;
        first.Phases.Clear();

        var second = BuiltInPlans.Plan2021To2025();
        Assert.Equal(pristine.Name, second.Name);
        Assert.Equal(firstText, second.Criteria[0].Text);
        Assert.Equal(pristine.Criteria.Count, second.Criteria.Count);
        Assert.Equal(pristine.Categories[0].Title, second.Categories[0].Title);
        Assert.Equal(5, second.Rounds[0].QuotaCollectives);
        Assert.Equal(2, second.Phases.Count);
        Assert.NotSame(pristine.Criteria, second.Criteria);
        Assert.NotSame(pristine.Criteria[0], second.Criteria[0]);
        Assert.NotSame(pristine.Rounds[0], second.Rounds[0]);
    }

    /// <summary>
    /// The plan's section II.2–II.3 as (scope, category, sub-group, text), read from the markdown: a paragraph that starts in
    /// lower case continues the previous one (the page-break splits).
    /// </summary>
    private static List<(CriterionScope Scope, string? Category, string? SubGroup, string Text)> ParseCriteria(string markdown)
    {
        var start = markdown.IndexOf("\n2. Tiêu chí chung", StringComparison.Ordinal);
        var end = markdown.IndexOf("\nIII. LỘ TRÌNH THỰC HIỆN", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "Plan sections II.2 / III not found");

        var paragraphs = new List<string>();
        foreach (var raw in ParagraphBreak().Split(markdown[start..end]))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            // A sentence split by a page break resumes in lower case ("Kết" / "luận số 14-KL/TW").
            if (char.IsLower(line[0]) && paragraphs.Count > 0)
            {
                paragraphs[^1] += " " + line;
            }
            else
            {
                paragraphs.Add(line);
            }
        }

        var result = new List<(CriterionScope, string?, string?, string)>();
        string? heading = null;
        string? category = null;
        string? subGroup = null;
        foreach (var paragraph in paragraphs.Select(Normalise))
        {
            var match = Heading().Match(paragraph);
            if (match.Success)
            {
                heading = match.Groups["code"].Value;
                category = CategoryHeading().IsMatch(paragraph) ? heading : null;
                subGroup = null;
            }
            else if (paragraph.StartsWith("+ ", StringComparison.Ordinal))
            {
                subGroup = paragraph[2..];
            }
            else if (paragraph.StartsWith("- ", StringComparison.Ordinal))
            {
                Assert.True(category is not null, $"Bullet outside a category: {paragraph}");
                result.Add((CriterionScope.Category, category, subGroup, paragraph[2..]));
            }
            else if (paragraph.StartsWith("Đối với cá nhân giữ chức vụ lãnh đạo", StringComparison.Ordinal))
            {
                result.Add((CriterionScope.Leader, null, null, paragraph));
            }
            else if (paragraph.StartsWith("Nếu là đảng viên", StringComparison.Ordinal))
            {
                result.Add((CriterionScope.PartyMember, null, null, paragraph));
            }
            else
            {
                Assert.True(heading == "2", $"Unexpected paragraph under {heading}: {paragraph}");
                result.Add((CriterionScope.General, null, null, paragraph));
            }
        }

        return result;
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"^(?<code>\d+(\.\d+)*)\.? ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^3\.\d\.\d\. ")]
    private static partial Regex CategoryHeading();
}
