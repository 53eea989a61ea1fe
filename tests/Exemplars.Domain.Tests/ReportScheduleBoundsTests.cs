using Exemplars.Domain.Reports;

namespace Exemplars.Domain.Tests;

public sealed class ReportScheduleBoundsTests
{
    [Fact]
    public void Dates_at_the_ends_of_the_calendar_are_refused_not_thrown()
    {
        var errors = ReportSchedule.Validate(2026, new DateOnly(2026, 12, 1), DateOnly.MaxValue, DateOnly.MinValue);
        Assert.Contains(errors, e => e.Field == "To");
        Assert.Contains(errors, e => e.Field == "Deadline");
        Assert.Contains(ReportSchedule.Validate(2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), DateOnly.MaxValue), e => e.Field == "Deadline");
        Assert.Empty(ReportSchedule.Validate(2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 15)));
    }
}
