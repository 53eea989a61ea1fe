using Exemplars.Domain.Plans;

namespace Exemplars.Domain.Tests;

public sealed class RoundCalendarTests
{
    private static Round R(string code, int lastYear, DateOnly deadline) => new() { Code = code, LastRatingYear = lastYear, GrassrootsDeadline = deadline };

    private static readonly Round[] Demo =
    [
        R("2021-2023", 2022, new DateOnly(2023, 3, 31)),
        R("2021-2025", 2024, new DateOnly(2025, 3, 30)),
        R("2026-2030", 2029, new DateOnly(2030, 3, 30)),
        R("2026-2028", 2027, new DateOnly(2027, 4, 2)),
    ];

    [Fact]
    public void Open_round_is_the_interim_round_whose_window_contains_today_not_the_last_round_of_the_newest_plan()
    {
        Assert.Equal("2026-2028", RoundCalendar.Open(Demo, new DateOnly(2026, 12, 2))!.Code);
        Assert.Equal("2026-2028", RoundCalendar.Open(Demo, new DateOnly(2025, 3, 31))!.Code);
    }

    [Fact]
    public void Deadline_day_still_belongs_to_the_round_and_the_next_day_moves_to_the_next_round()
    {
        Assert.Equal("2026-2028", RoundCalendar.Open(Demo, new DateOnly(2027, 4, 2))!.Code);
        Assert.Equal("2026-2030", RoundCalendar.Open(Demo, new DateOnly(2027, 4, 3))!.Code);
        Assert.Equal("2021-2025", RoundCalendar.Open(Demo, new DateOnly(2025, 3, 30))!.Code);
    }

    [Fact]
    public void After_every_deadline_the_round_that_closed_last_is_shown()
    {
        Assert.Equal("2026-2030", RoundCalendar.Open(Demo, new DateOnly(2031, 1, 1))!.Code);
        Assert.Equal(["2026-2030", "2026-2028", "2021-2025", "2021-2023"], RoundCalendar.CurrentFirst(Demo, new DateOnly(2031, 1, 1)).Select(r => r.Code));
    }

    [Fact]
    public void Picker_lists_open_rounds_by_nearest_deadline_then_closed_rounds_latest_first()
    {
        Assert.Equal(["2026-2028", "2026-2030", "2021-2025", "2021-2023"], RoundCalendar.CurrentFirst(Demo, new DateOnly(2026, 12, 2)).Select(r => r.Code));
    }

    [Fact]
    public void Choose_keeps_a_known_requested_round_and_falls_back_to_the_open_round()
    {
        var today = new DateOnly(2026, 12, 2);
        Assert.Equal("2021-2023", RoundCalendar.Choose(Demo, "2021-2023", today)!.Code);
        Assert.Equal("2021-2023", RoundCalendar.Choose(Demo, " 2021-2023 ", today)!.Code);
        Assert.Equal("2026-2028", RoundCalendar.Choose(Demo, "1999-2001", today)!.Code);
        Assert.Equal("2026-2028", RoundCalendar.Choose(Demo, null, today)!.Code);
        Assert.Null(RoundCalendar.Choose([], null, today));
    }
}
