using Exemplars.Domain.Common;

namespace Exemplars.Domain.Reports;

/// <summary>
/// The default reporting calendar and the rules on it. The plan says only "định kỳ 6 tháng, năm"; the defaults follow
/// the party's statistics habit (figures from 16/12 of the year before to 15/6 and to 15/12, reports due five days
/// later) and every date is editable.
/// </summary>
public static class ReportSchedule
{
    public static readonly (int Month, int Day) HalfYearCutOff = (6, 15);
    public static readonly (int Month, int Day) AnnualCutOff = (12, 15);
    public const int DaysToReport = 5;

    /// <summary>A half-year and an annual period for every year from <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    public static IReadOnlyList<ReportingPeriod> Default(int fromYear, int toYear)
    {
        var periods = new List<ReportingPeriod>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var half = new DateOnly(year, HalfYearCutOff.Month, HalfYearCutOff.Day);
            var annual = new DateOnly(year, AnnualCutOff.Month, AnnualCutOff.Day);
            // The statistics year runs from the day after last year's annual cut-off, so no day falls between two years.
            var start = new DateOnly(year - 1, AnnualCutOff.Month, AnnualCutOff.Day).AddDays(1);
            periods.Add(new ReportingPeriod { Kind = ReportPeriodKind.HalfYear, Year = year, From = start, To = half, Deadline = half.AddDays(DaysToReport) });
            periods.Add(new ReportingPeriod { Kind = ReportPeriodKind.Annual, Year = year, From = start, To = annual, Deadline = annual.AddDays(DaysToReport) });
        }

        return periods;
    }

    /// <summary>Checks an administrator's edit of a period's dates.</summary>
    public static IReadOnlyList<DomainError> Validate(int year, DateOnly from, DateOnly to, DateOnly deadline)
    {
        var errors = new List<DomainError>();
        if (from > to)
        {
            errors.Add(DomainError.Invalid("From", "Ngày bắt đầu tính số liệu không được sau ngày kết thúc."));
        }

        if (from.Year < year - 1 || to.Year > year)
        {
            errors.Add(DomainError.Invalid("To", $"Kỳ báo cáo năm {year} phải tính số liệu trong năm {year} (có thể bắt đầu từ cuối năm trước)."));
        }

        if (deadline < to)
        {
            errors.Add(DomainError.Invalid("Deadline", "Hạn gửi báo cáo không được trước ngày chốt số liệu."));
        }

        if (deadline.DayNumber - to.DayNumber > 60) // no AddDays: "to" may be the last day of the calendar
        {
            errors.Add(DomainError.Invalid("Deadline", "Hạn gửi báo cáo không quá 60 ngày sau ngày chốt số liệu."));
        }

        return errors;
    }

    /// <summary>A clerk may edit only a draft; a sent report can be returned by the secretariat with a reason.</summary>
    public static DomainError? CanEdit(ReportStatus status) =>
        status == ReportStatus.Submitted ? DomainError.Conflict("report_submitted", "Báo cáo đã gửi; chỉ sửa được khi Ban Tuyên giáo – Dân vận trả lại.") : null;

    public static IReadOnlyList<DomainError> ValidateInput(string? narrative)
    {
        var errors = new List<DomainError>();
        if (narrative is { Length: > 20_000 })
        {
            errors.Add(DomainError.Invalid("Narrative", "Nội dung báo cáo tối đa 20.000 ký tự."));
        }

        return errors;
    }

    /// <summary>Sending needs a narrative: figures alone do not make a report.</summary>
    public static DomainError? CanSubmit(string? narrative) =>
        string.IsNullOrWhiteSpace(narrative) || narrative.Trim().Length < 20
            ? DomainError.Invalid("Narrative", "Hãy ghi nội dung báo cáo (kết quả, bài học kinh nghiệm, đề xuất), ít nhất 20 ký tự, trước khi gửi.")
            : null;
}
