using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;

namespace Exemplars.Domain.Tests;

/// <summary>Issue 16 point 5 (ADR 026): the regulation of each rating year, the optional 100-point score, the 20 % cap.</summary>
public sealed class RatingQualityRulesTests
{
    [Theory]
    [InlineData(2018, "132-QĐ/TW")]
    [InlineData(2022, "132-QĐ/TW")]
    [InlineData(2023, "124-QĐ/TW")]
    [InlineData(2024, "124-QĐ/TW")]
    [InlineData(2025, "366-QĐ/TW")]
    [InlineData(2030, "366-QĐ/TW")]
    public void Each_rating_year_has_the_regulation_in_force(int year, string code) => Assert.Equal(code, RatingRegulations.For(year)!.Code);

    [Fact]
    public void Before_2018_no_regulation_is_named_and_only_366_scores()
    {
        Assert.Null(RatingRegulations.For(2017));
        Assert.Equal(["366-QĐ/TW"], RatingRegulations.All.Where(r => r.HasScore).Select(r => r.Code));
        Assert.Equal("Quy định 366-QĐ/TW ngày 30/08/2025", RatingRegulations.Q366.TitleWithDate);
        Assert.Equal("Quy định 124-QĐ/TW ngày 04/10/2023", RatingRegulations.Q124.TitleWithDate);
    }

    [Theory]
    [InlineData(100, Rating.Excellent)]
    [InlineData(90, Rating.Excellent)]
    [InlineData(89, Rating.Good)]
    [InlineData(70, Rating.Good)]
    [InlineData(69, Rating.Completed)]
    [InlineData(50, Rating.Completed)]
    [InlineData(49, Rating.NotCompleted)]
    [InlineData(0, Rating.NotCompleted)]
    public void The_366_points_give_the_level(int score, Rating level) => Assert.Equal(level, RatingRegulations.Q366.LevelOf(score));

    [Fact]
    public void The_bands_read_as_the_regulation_says_them()
    {
        Assert.Equal(["từ 90 điểm trở lên", "từ 70 đến dưới 90 điểm", "từ 50 đến dưới 70 điểm", "dưới 50 điểm"], RatingRegulations.Q366.Bands.Select(b => b.Text));
    }

    [Fact]
    public void Explanation_names_the_regulation_of_each_run_of_years()
    {
        Assert.Equal("Năm 2021–2022 xếp loại theo Quy định 132-QĐ/TW; năm 2023–2024 theo Quy định 124-QĐ/TW; năm 2025 theo Quy định 366-QĐ/TW.",
            RatingRegulations.Explain([2021, 2022, 2023, 2024, 2025]));
        Assert.Equal("Năm 2023 xếp loại theo Quy định 124-QĐ/TW.", RatingRegulations.Explain([2023]));
        Assert.Equal(string.Empty, RatingRegulations.Explain([2015, 2016]));
    }

    [Fact]
    public void The_eligibility_rule_names_the_regulations_of_the_counted_years()
    {
        var round = new RoundTerms("2026-2028", 2021, 2025, 2, 2021, 2026);
        var facts = new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010,
            Ratings: new Dictionary<int, Rating> { [2021] = Rating.Good, [2022] = Rating.Excellent, [2023] = Rating.Good, [2024] = Rating.Excellent, [2025] = Rating.Good });
        var result = PartyMemberYearlyRatingRule.Evaluate(facts, round)!;
        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.StartsWith("Các năm được tính: 2021, 2022, 2023, 2024, 2025. Năm 2021–2022 xếp loại theo Quy định 132-QĐ/TW; năm 2023–2024 theo Quy định 124-QĐ/TW; năm 2025 theo Quy định 366-QĐ/TW. Các năm đều",
            result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_score_outside_0_to_100_is_refused(int score)
    {
        var error = RatingScores.Validate(2025, score, Rating.Good)!;
        Assert.Equal("Score", error.Field);
        Assert.Contains("từ 0 đến 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_before_366_or_without_a_level_is_refused_and_none_is_always_fine()
    {
        Assert.Contains("Năm 2024 xếp loại theo Quy định 124-QĐ/TW, không chấm điểm theo thang 100 điểm", RatingScores.Validate(2024, 80, Rating.Good)!.Message, StringComparison.Ordinal);
        Assert.Contains("quy định trước Quy định 132-QĐ/TW", RatingScores.Validate(2010, 80, Rating.Good)!.Message, StringComparison.Ordinal);
        Assert.NotNull(RatingScores.Validate(2025, 80, null));
        Assert.Null(RatingScores.Validate(2024, null, Rating.Good));
        Assert.Null(RatingScores.Validate(2025, 0, Rating.NotCompleted));
        Assert.Null(RatingScores.Validate(2025, 100, Rating.Excellent));
    }

    [Fact]
    public void A_score_in_another_levels_points_is_a_warning_not_a_refusal()
    {
        Assert.Null(RatingScores.Disagreement(2025, 92, Rating.Excellent));
        Assert.Null(RatingScores.Disagreement(2025, null, Rating.Excellent));
        var tooLow = RatingScores.Disagreement(2025, 85, Rating.Excellent)!;
        Assert.Equal("Năm 2025: 85 điểm thuộc mức “Hoàn thành tốt nhiệm vụ” (từ 70 đến dưới 90 điểm theo Quy định 366-QĐ/TW) nhưng xếp loại ghi “Hoàn thành xuất sắc nhiệm vụ”. Mức “Hoàn thành xuất sắc nhiệm vụ” cần từ 90 điểm trở lên; hãy kiểm tra lại điểm hoặc mức xếp loại.", tooLow);
        Assert.Contains("Mức thấp hơn điểm chỉ đúng khi không đủ các điều kiện khác", RatingScores.Disagreement(2025, 95, Rating.Good)!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 10, false)]
    [InlineData(3, 10, true)]
    [InlineData(2, 12, false)] // 20 % of 12 is 2.4: two people fit, three do not
    [InlineData(3, 12, true)]
    [InlineData(3, 15, false)]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)] // none rated good: any excellent one breaks the cap
    [InlineData(1, 4, true)]
    [InlineData(1, 5, false)]
    public void Excellent_may_not_exceed_20_percent_of_good(int excellent, int good, bool exceeded)
    {
        var share = new ExcellentShare(1, "Đảng bộ X", 2025, excellent, good);
        Assert.Equal(exceeded, share.Exceeded);
        Assert.Equal(exceeded, share.Warning is not null);
        Assert.Equal(good / 5, share.Allowed);
    }

    [Fact]
    public void The_warning_says_exactly_what_is_compared()
    {
        Assert.Equal("Năm 2025, Đảng bộ X có 3 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% số đảng viên hoàn thành tốt nhiệm vụ (10 đảng viên → tối đa 2) theo Quy định 366-QĐ/TW.",
            new ExcellentShare(1, "Đảng bộ X", 2025, 3, 10).Warning);
        Assert.Equal("Năm 2023, Chi bộ Y có 1 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% số đảng viên hoàn thành tốt nhiệm vụ (chưa có đảng viên nào hoàn thành tốt nhiệm vụ → tối đa 0) theo Quy định 124-QĐ/TW.",
            new ExcellentShare(1, "Chi bộ Y", 2023, 1, 0).Warning);
    }
}
