using Exemplars.Domain.People;

namespace Exemplars.Domain.Tests;

public sealed class RatingSlotsTests
{
    private static readonly Guid A = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid B = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    [Fact]
    public void A_page_that_showed_no_rating_may_write_only_an_empty_slot()
    {
        var seen = RatingSlots.Decode(RatingSlots.Encode([]))!;
        Assert.Equal("-", RatingSlots.Encode([]));
        Assert.True(seen.StillAsSeen("2023", null));
        Assert.False(seen.StillAsSeen("2023", A));
    }

    [Fact]
    public void A_page_that_showed_a_rating_may_write_it_only_at_the_version_it_showed()
    {
        var text = RatingSlots.Encode([(RatingSlots.Key(2024, CollectiveBody.TradeUnion), B), (RatingSlots.Key(2023), A)]);
        Assert.Equal($"2023={A},2024/TradeUnion={B}", text);
        var seen = RatingSlots.Decode(text)!;
        Assert.True(seen.StillAsSeen("2023", A));
        Assert.False(seen.StillAsSeen("2023", B));
        Assert.False(seen.StillAsSeen("2023", null));
        Assert.True(seen.StillAsSeen("2024/TradeUnion", B));
        Assert.True(seen.StillAsSeen("2024/YouthUnion", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("2023")]
    [InlineData("2023=not-a-guid")]
    [InlineData("2023=00000000-0000-0000-0000-000000000000")]
    [InlineData("=0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("2023=0f8fad5b-d9cb-469f-a165-70867728950e,2023=7c9e6679-7425-40de-944b-e07fc1f90ae7")]
    public void Anything_but_what_the_page_writes_counts_as_no_version(string? text) => Assert.Null(RatingSlots.Decode(text));
}
