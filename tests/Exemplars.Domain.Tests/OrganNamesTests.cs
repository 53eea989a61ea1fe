using Exemplars.Domain.Documents;

namespace Exemplars.Domain.Tests;

public sealed class OrganNamesTests
{
    [Fact]
    public void Names_come_from_the_issuer_after_the_2025_reorganisation()
    {
        var names = OrganNames.Of(new Issuer
        {
            OrganName = "Ban Thường vụ Đảng ủy các cơ quan Đảng thành phố", SuperiorOrgan = "Ban Thường vụ Thành ủy",
            AdvisingBoard = "Ban Tuyên giáo và Dân vận", PartyName = "Đảng bộ các cơ quan Đảng thành phố",
        });
        Assert.Equal("Đảng ủy các cơ quan Đảng thành phố", names.Committee);
        Assert.Equal("Ban Thường vụ Đảng ủy các cơ quan Đảng thành phố", names.SigningOrgan);
        Assert.Equal("Thành ủy", names.Superior);
        Assert.Equal("Ban Thường vụ Thành ủy", names.SuperiorOrgan);
    }

    [Theory]
    [InlineData("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy")]
    [InlineData("ban thường vụ Tỉnh ủy", "Tỉnh ủy")]
    [InlineData("Đảng ủy xã An Phú", "Đảng ủy xã An Phú")]
    [InlineData("Ban Thường vụ", "Ban Thường vụ")]
    [InlineData("", "")]
    public void A_committee_is_named_without_its_standing_committee_title(string organ, string expected) =>
        Assert.Equal(expected, OrganNames.WithoutStandingCommittee(organ));
}

public sealed class CriterionWordingTests
{
    [Theory]
    [InlineData("Hàng năm hoàn thành xuất sắc nhiệm vụ; có sáng kiến.", "Hàng năm hoàn thành xuất sắc nhiệm vụ")]
    [InlineData("Gương mẫu chấp hành chủ trương, chính sách.", "Gương mẫu chấp hành chủ trương, chính sách")]
    [InlineData("", "")]
    public void A_criterion_is_named_by_its_first_clause(string text, string expected) =>
        Assert.Equal(expected, Exemplars.Domain.Plans.CriterionWording.Name(text));

    [Fact]
    public void A_long_clause_is_cut_at_a_word()
    {
        var name = Exemplars.Domain.Plans.CriterionWording.Name(string.Join(' ', Enumerable.Repeat("thành tích", 30)));
        Assert.True(name.Length <= 112);
        Assert.EndsWith("tích…", name, StringComparison.Ordinal);
    }
}
