using Exemplars.Domain.Dashboard;
using Exemplars.Domain.People;

namespace Exemplars.Domain.Tests;

public sealed class DashboardBandsTests
{
    private static readonly DateOnly Deadline = new(2025, 6, 30);

    [Theory]
    [InlineData(null, null, AgeBand.Unknown)]
    [InlineData("2025-07-01", null, AgeBand.Unknown)] // born after the reference day: bad data, not a baby
    [InlineData("2025-06-30", 0, AgeBand.Under30)]
    [InlineData("1995-07-01", 29, AgeBand.Under30)] // turns 30 the day after
    [InlineData("1995-06-30", 30, AgeBand.From30To39)] // turns 30 on the day
    [InlineData("1985-07-01", 39, AgeBand.From30To39)]
    [InlineData("1985-06-30", 40, AgeBand.From40To49)]
    [InlineData("1975-07-01", 49, AgeBand.From40To49)]
    [InlineData("1975-06-30", 50, AgeBand.From50To59)]
    [InlineData("1965-07-01", 59, AgeBand.From50To59)]
    [InlineData("1965-06-30", 60, AgeBand.From60)]
    [InlineData("1940-01-01", 85, AgeBand.From60)]
    public void Age_band_is_full_years_on_the_reference_day(string? birth, int? age, AgeBand band)
    {
        DateOnly? birthDate = birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(age, DashboardBands.AgeOn(birthDate, Deadline));
        Assert.Equal(band, DashboardBands.AgeBandOf(birthDate, Deadline));
    }

    [Theory]
    [InlineData("2025-02-28", 28)]
    [InlineData("2025-03-01", 29)]
    [InlineData("2024-02-28", 27)]
    [InlineData("2024-02-29", 28)]
    public void Someone_born_on_29_February_ages_on_1_March_in_common_years(string asOf, int age) =>
        Assert.Equal(age, DashboardBands.AgeOn(new DateOnly(1996, 2, 29), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(null, null, Timeliness.NotSubmitted)]
    [InlineData(null, "2025-07-15", Timeliness.NotSubmitted)]
    [InlineData("2025-06-01", null, Timeliness.OnTime)]
    [InlineData("2025-06-30", null, Timeliness.OnTime)] // the deadline day itself is on time
    [InlineData("2025-07-01", null, Timeliness.Late)]
    [InlineData("2025-06-30", "2025-07-15", Timeliness.OnTime)]
    [InlineData("2025-07-01", "2025-07-15", Timeliness.WithinExtension)]
    [InlineData("2025-07-15", "2025-07-15", Timeliness.WithinExtension)]
    [InlineData("2025-07-16", "2025-07-15", Timeliness.Late)]
    [InlineData("2025-07-01", "2025-06-20", Timeliness.Late)] // an extension earlier than the deadline shortens nothing and extends nothing
    [InlineData("2025-06-25", "2025-06-20", Timeliness.OnTime)]
    public void Timeliness_follows_the_units_last_allowed_day(string? sent, string? extension, Timeliness expected)
    {
        static DateOnly? Day(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DashboardBands.TimelinessOf(Day(sent), Deadline, Day(extension)));
    }

    [Fact]
    public void Every_band_status_and_gender_has_a_Vietnamese_label()
    {
        Assert.Equal(["Dưới 30 tuổi", "30–39 tuổi", "40–49 tuổi", "50–59 tuổi", "Từ 60 tuổi", "Không rõ"], Enum.GetValues<AgeBand>().Select(b => b.Label()));
        Assert.Equal(["Đúng hạn", "Trong thời gian gia hạn", "Nộp muộn", "Chưa nộp"], Enum.GetValues<Timeliness>().Select(t => t.Label()));
        Assert.Equal(["Nam", "Nữ", "Không rõ"], new Gender?[] { Gender.Male, Gender.Female, null }.Select(DashboardBands.GenderLabel));
    }
}
