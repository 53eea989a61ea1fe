using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Reports;

namespace Exemplars.Domain.Tests;

public sealed class ReportRulesTests
{
    [Fact]
    public void Default_calendar_has_a_half_year_and_an_annual_period_each_year()
    {
        var periods = ReportSchedule.Default(2021, 2025);
        Assert.Equal(10, periods.Count);
        var half = periods[0];
        Assert.Equal((ReportPeriodKind.HalfYear, new DateOnly(2020, 12, 16), new DateOnly(2021, 6, 15), new DateOnly(2021, 6, 20)), (half.Kind, half.From, half.To, half.Deadline));
        // No day falls between one statistics year and the next.
        Assert.All(periods.Where(p => p.Kind == ReportPeriodKind.Annual).Zip(periods.Where(p => p.Kind == ReportPeriodKind.Annual).Skip(1)), pair => Assert.Equal(pair.First.To.AddDays(1), pair.Second.From));
        var annual = periods[^1];
        Assert.Equal((ReportPeriodKind.Annual, 2025, new DateOnly(2025, 12, 15), new DateOnly(2025, 12, 20)), (annual.Kind, annual.Year, annual.To, annual.Deadline));
        Assert.Equal("6 tháng đầu năm 2021", half.Label);
        Assert.Equal("năm 2025", annual.Label);
    }

    [Fact]
    public void The_built_in_plan_and_its_clone_carry_the_calendar()
    {
        var plan = BuiltInPlans.Plan2021To2025();
        Assert.Equal(10, plan.ReportingPeriods.Count);
        var clone = PlanRules.Clone(plan, "2026-2030", "Kế hoạch 2026–2030", 5);
        Assert.Equal(Enumerable.Range(2026, 5), clone.ReportingPeriods.Select(p => p.Year).Distinct());
        Assert.Equal(new DateOnly(2026, 6, 20), clone.ReportingPeriods[0].Deadline);
        Assert.DoesNotContain(clone.ReportingPeriods, p => plan.ReportingPeriods.Contains(p));
    }

    [Theory]
    [InlineData("2026-06-20", "2026-06-01", null, DeadlineState.NotYetDue)]
    [InlineData("2026-06-20", "2026-06-20", null, DeadlineState.NotYetDue)]
    [InlineData("2026-06-20", "2026-06-21", null, DeadlineState.Missing)]
    [InlineData("2026-06-20", "2026-06-21", "2026-06-20", DeadlineState.OnTime)]
    [InlineData("2026-06-20", "2026-06-21", "2026-06-21", DeadlineState.Late)]
    [InlineData("2026-06-20", "2026-06-10", "2026-06-09", DeadlineState.OnTime)]
    public void State_against_the_deadline(string deadline, string today, string? sent, DeadlineState expected) =>
        Assert.Equal(expected, Deadlines.StateOf(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            sent is null ? null : DateOnly.Parse(sent, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-06-01", null, "2026-06-10", DeadlineState.Missing)]
    [InlineData("2026-06-01", "2026-06-15", "2026-06-10", DeadlineState.WithinExtension)] // not sent, extension running: never "quá hạn"
    [InlineData("2026-06-01", "2026-06-15", "2026-06-15", DeadlineState.WithinExtension)]
    [InlineData("2026-06-01", "2026-06-15", "2026-06-16", DeadlineState.Missing)]
    [InlineData("2026-06-01", "2026-06-15", "2026-05-20", DeadlineState.NotYetDue)]
    [InlineData("2026-06-01", "2026-05-15", "2026-06-10", DeadlineState.Missing)] // an extension before the deadline extends nothing
    public void An_extension_keeps_a_unit_within_its_time_until_the_extension_ends(string deadline, string? extension, string today, DeadlineState expected)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Deadlines.StateOf(D(deadline), D(today), null, extension is null ? null : D(extension)));
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-01", DeadlineState.OnTime)]
    [InlineData("2026-06-01", "2026-06-09", DeadlineState.WithinExtension)]
    [InlineData("2026-06-01", "2026-06-15", DeadlineState.WithinExtension)]
    [InlineData("2026-06-01", "2026-06-16", DeadlineState.Late)]
    public void Sent_within_an_extension_is_not_late(string deadline, string sent, DeadlineState expected)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Deadlines.StateOf(D(deadline), D("2026-07-01"), D(sent), D("2026-06-15")));
    }

    [Fact]
    public void Every_deadline_state_has_its_own_Vietnamese_label() =>
        Assert.Equal(Enum.GetValues<DeadlineState>().Length, Enum.GetValues<DeadlineState>().Select(s => s.Label()).Distinct().Count());

    [Theory]
    [InlineData("2026-01-01", "2026-06-15", "2026-06-20", 0)]
    [InlineData("2025-12-16", "2026-06-15", "2026-06-20", 0)]
    [InlineData("2026-06-16", "2026-06-15", "2026-06-20", 1)]
    [InlineData("2026-01-01", "2026-06-15", "2026-06-14", 1)]
    [InlineData("2026-01-01", "2026-06-15", "2026-09-01", 1)]
    [InlineData("2024-01-01", "2027-06-15", "2027-06-20", 1)]
    public void Period_edits_are_checked(string from, string to, string deadline, int errors)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var found = ReportSchedule.Validate(2026, D(from), D(to), D(deadline));
        Assert.Equal(errors, found.Count);
        Assert.All(found, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Figures_add_up_and_are_frozen_into_the_report()
    {
        var a = new ReportFigures(1, 2, 3, 4, 5, 6, 7, 8, 9);
        var sum = a.Add(a).Add(ReportFigures.Zero);
        Assert.Equal([2, 4, 6, 8, 10, 12, 14, 16, 18], sum.Values);
        Assert.Equal(ReportFigures.Headings.Count, sum.Values.Count);
        var report = new PeriodicReport();
        report.Freeze(a);
        Assert.Equal(a, report.Figures);
    }

    [Fact]
    public void Sending_needs_a_narrative_and_a_draft()
    {
        Assert.NotNull(ReportSchedule.CanSubmit(" "));
        Assert.NotNull(ReportSchedule.CanSubmit("ngắn"));
        Assert.Null(ReportSchedule.CanSubmit("Đơn vị đã phát hiện ba gương điển hình."));
        Assert.NotNull(ReportSchedule.CanEdit(ReportStatus.Submitted));
        Assert.Null(ReportSchedule.CanEdit(ReportStatus.Draft));
        Assert.Single(ReportSchedule.ValidateInput(new string('x', 20_001)));
        Assert.Empty(ReportSchedule.ValidateInput("x"));
        Assert.Empty(ReportSchedule.ValidateInput(null));
    }
}

public sealed class ReminderRulesTests
{
    [Theory]
    [InlineData(8, null)]
    [InlineData(7, 7)]
    [InlineData(3, 7)]
    [InlineData(2, 7)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(-1, null)]
    public void A_week_ahead_and_the_day_before(int daysLeft, int? expected)
    {
        var deadline = new DateOnly(2026, 3, 30);
        Assert.Equal(expected, ReminderRules.Due(deadline, deadline.AddDays(-daysLeft)));
    }

    [Fact]
    public void Keys_and_texts()
    {
        Assert.Equal("round:3:org:17:d7:2026-03-30", ReminderRules.Key("round", 3, 17, 7, new DateOnly(2026, 3, 30)));
        Assert.NotEqual(ReminderRules.Key("round", 3, 17, 7, new DateOnly(2026, 3, 30)), ReminderRules.Key("round", 3, 17, 7, new DateOnly(2026, 4, 15))); // an extension gets its own
        Assert.Equal("còn 7 ngày (hạn 30/03/2026)", ReminderRules.DaysLeft(new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 23)));
        Assert.Equal("hôm nay (30/03/2026) là hạn cuối", ReminderRules.DaysLeft(new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void Figure_headings_name_levels_without_assuming_a_bloc_committee()
    {
        // Since 2025 the issuing committee may be "Đảng ủy các cơ quan Đảng tỉnh" as well as an "Đảng ủy Khối".
        Assert.DoesNotContain(ReportFigures.Headings, h => h.Contains("Khối", StringComparison.Ordinal));
        Assert.Contains("Khen thưởng cấp trên cơ sở", ReportFigures.Headings);
        Assert.Contains("Khen thưởng cấp tỉnh", ReportFigures.Headings);
    }
}
