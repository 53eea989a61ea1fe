namespace Exemplars.Domain.Common;

/// <summary>One rule for every deadline a unit sends something against: round dossiers and periodic reports.</summary>
public static class Deadlines
{
    /// <summary>The last day a unit may send: the deadline, or its extension when that is later.</summary>
    public static DateOnly LastDay(DateOnly deadline, DateOnly? extensionUntil) =>
        extensionUntil is { } extension && extension > deadline ? extension : deadline;

    /// <summary>
    /// On time means sent on or before the deadline day; sent after it but by the extension's last day is within the
    /// extension; not sent is missing only once the last day (the extension's, if any) is over.
    /// </summary>
    public static DeadlineState StateOf(DateOnly deadline, DateOnly today, DateOnly? sentOn, DateOnly? extensionUntil = null)
    {
        var lastDay = LastDay(deadline, extensionUntil);
        return sentOn switch
        {
            { } sent when sent <= deadline => DeadlineState.OnTime,
            { } sent when sent <= lastDay => DeadlineState.WithinExtension,
            not null => DeadlineState.Late,
            null when today <= deadline => DeadlineState.NotYetDue,
            null when today <= lastDay => DeadlineState.WithinExtension,
            null => DeadlineState.Missing,
        };
    }

    public static string Label(this DeadlineState state) => state switch
    {
        DeadlineState.NotYetDue => "Chưa đến hạn",
        DeadlineState.OnTime => "Đúng hạn",
        DeadlineState.WithinExtension => "Trong thời gian gia hạn",
        DeadlineState.Late => "Trễ hạn",
        DeadlineState.Missing => "Quá hạn, chưa gửi",
    };
}
