namespace Exemplars.Domain.Reports;

/// <summary>Plan IV.1: grassroots committees report every six months and every year (định kỳ 6 tháng, năm).</summary>
public enum ReportPeriodKind
{
    /// <summary>Báo cáo 6 tháng đầu năm.</summary>
    HalfYear,

    /// <summary>Báo cáo năm.</summary>
    Annual,
}

/// <summary>
/// One reporting period of a plan: the days its figures cover and the day reports are due (end of day, Vietnam time).
/// Rows are data, seeded by <see cref="ReportSchedule"/> and editable by an administrator, so a plan can set its own dates.
/// </summary>
public sealed class ReportingPeriod
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public ReportPeriodKind Kind { get; set; }

    public int Year { get; set; }

    /// <summary>First day the figures count.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day the figures count (số liệu tính đến ngày).</summary>
    public DateOnly To { get; set; }

    /// <summary>Reports reach the bloc before the end of this day.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>Changes on every edit; an edit sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public string Label => Kind.Label(Year);
}

public static class ReportPeriodKindText
{
    public static string Label(this ReportPeriodKind kind, int year) => kind switch
    {
        ReportPeriodKind.HalfYear => $"6 tháng đầu năm {year}",
        _ => $"năm {year}",
    };

    public static string Label(this ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.HalfYear => "Báo cáo 6 tháng",
        _ => "Báo cáo năm",
    };
}
