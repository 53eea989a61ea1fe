using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Tests;

/// <summary>ADR 014: who "Phát hiện" suggests, and the sort keys that let the database page in Vietnamese order.</summary>
public sealed class SuggestionRulesTests
{
    private static readonly Plan Plan = BuiltInPlans.Plan2021To2025();

    private static Round Final => Plan.Rounds.Single(r => r.Code == "2021-2025");

    private static Dictionary<int, Rating> Years(params Rating[] ratings) =>
        ratings.Select((r, i) => (Year: Final.FirstRatingYear + i, r)).ToDictionary(x => x.Year, x => x.r);

    [Fact]
    public void A_member_whose_every_checkable_rule_passes_is_suggested_with_the_passing_rules_as_reasons()
    {
        var facts = new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010,
            Ratings: Years(Rating.Excellent, Rating.Excellent, Rating.Good, Rating.Good));
        var reasons = Suggestion.Reasons(facts, Final, Plan.Categories);
        Assert.NotNull(reasons);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Equal(RuleStatus.Pass, r.Status));
        Assert.DoesNotContain(reasons, r => r.Code == FamilyLawRule.Code);
    }

    [Fact]
    public void A_failing_or_undecided_rule_an_unknown_category_or_a_discipline_in_the_period_means_no_suggestion()
    {
        var good = Years(Rating.Excellent, Rating.Excellent, Rating.Good, Rating.Good);
        Assert.Null(Suggestion.Reasons(new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010, Ratings: Years(Rating.Good, Rating.Good, Rating.Good, Rating.NotCompleted)), Final, Plan.Categories));
        Assert.Null(Suggestion.Reasons(new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010, Ratings: Years(Rating.Excellent)), Final, Plan.Categories));
        Assert.Null(Suggestion.Reasons(new EligibilityFacts(NomineeKind.Individual, "9.9.9", PartyMember: true, PartyJoinYear: 2010, Ratings: good), Final, Plan.Categories));
        Assert.Null(Suggestion.Reasons(new EligibilityFacts(NomineeKind.Individual, "3.2.5", PartyMember: true, PartyJoinYear: 2010, Ratings: good, DisciplineYears: [Final.ReviewFromYear]), Final, Plan.Categories));
    }

    [Theory]
    [InlineData(HostUnitType.StateAgency, "3.1.1")]
    [InlineData(HostUnitType.StateEnterprise, "3.1.2")]
    [InlineData(null, "3.1.2")]
    public void A_collective_is_judged_in_the_agency_or_the_enterprise_category(HostUnitType? type, string category) =>
        Assert.Equal(category, Suggestion.CollectiveCategory(type));

    [Fact]
    public void Sort_keys_compared_byte_by_byte_order_names_as_a_Vietnamese_reader_does()
    {
        string[] names =
        [
            "Đỗ Văn An", "Do Van An", "Dương Thị Hà", "Nguyễn Văn Hùng", "nguyễn văn hưng", "Nguyen Van Hung", "Ánh", "Anh", "Ảnh",
            "Ân", "Âu", "Ăn", "Bùi Thị Ý", "Ư", "U", "Ơn", "On", "Ôn", "Z", "a", "3.2.10", "3.2.2", "3.1.1", "",
            "Lê Thị Thu Hà", "Lê Thị Thu Hằng", "Lê Thị Thu Hạnh", "Công ty Điện lực tỉnh", "Chi bộ Phòng Kế hoạch",
        ];
        var byText = names.Order(VietnameseText.Order).ToList();
        var byKey = names.OrderBy(n => VietnameseText.SortKey(n), ByteOrder.Instance).ToList();
        for (var i = 0; i < byText.Count - 1; i++)
        {
            // Equal under the comparer (case only) may come in either order; otherwise the orders agree.
            var text = VietnameseText.Order.Compare(byKey[i], byKey[i + 1]);
            Assert.True(text <= 0, $"'{byKey[i]}' is keyed before '{byKey[i + 1]}' but the Vietnamese order puts it after");
        }
    }

    [Fact]
    public void A_long_text_is_keyed_by_its_first_characters_so_keys_fit_an_index()
    {
        var longName = new string('Đ', 500);
        Assert.Equal(VietnameseText.SortKey(longName[..VietnameseText.SortKeyLength]), VietnameseText.SortKey(longName));
        Assert.True(VietnameseText.SortKey(longName).Length < 1_000);
        Assert.False(string.IsNullOrEmpty(VietnameseText.SortKeyVersion));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
