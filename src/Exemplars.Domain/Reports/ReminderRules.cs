using System.Globalization;

namespace Exemplars.Domain.Reports;

/// <summary>
/// Deadline reminders to units that have not sent: one a week ahead and one the day before. A notice missed while the
/// system was down is sent late in its window (the 7-day notice on days 7 to 2, the 1-day notice on the eve or the day
/// itself), never twice: each is keyed per deadline, unit and notice.
/// </summary>
public static class ReminderRules
{
    public const int WeekAhead = 7;
    public const int DayAhead = 1;

    /// <summary>The notice due on <paramref name="today"/> for <paramref name="deadline"/>: 7, 1, or null.</summary>
    public static int? Due(DateOnly deadline, DateOnly today) => (deadline.DayNumber - today.DayNumber) switch
    {
        >= 2 and <= WeekAhead => WeekAhead,
        >= 0 and <= DayAhead => DayAhead,
        _ => null,
    };

    /// <summary>The deadline is part of the key: a deadline moved or extended later gets its own reminders.</summary>
    public static string Key(string subject, int subjectId, int organizationId, int notice, DateOnly deadline) =>
        string.Create(CultureInfo.InvariantCulture, $"{subject}:{subjectId}:org:{organizationId}:d{notice}:{deadline:yyyy-MM-dd}");

    /// <summary>"còn 7 ngày (hạn 20/06/2026)", "hôm nay (20/06/2026) là hạn cuối".</summary>
    public static string DaysLeft(DateOnly deadline, DateOnly today) => (deadline.DayNumber - today.DayNumber) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"hôm nay ({deadline:dd/MM/yyyy}) là hạn cuối"),
        var days => string.Create(CultureInfo.InvariantCulture, $"còn {days} ngày (hạn {deadline:dd/MM/yyyy})"),
    };
}
