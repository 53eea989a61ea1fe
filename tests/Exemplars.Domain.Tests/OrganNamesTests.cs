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
