namespace Exemplars.Domain.Common;

/// <summary>Where a unit stands against a deadline.</summary>
public enum DeadlineState
{
    /// <summary>Đã gửi đúng hạn.</summary>
    OnTime,

    /// <summary>Gửi trễ hạn.</summary>
    Late,

    /// <summary>Quá hạn, chưa gửi.</summary>
    Missing,

    /// <summary>Chưa đến hạn, chưa gửi.</summary>
    Waiting,
}

/// <summary>One rule for every deadline a unit sends something against: round dossiers and periodic reports.</summary>
public static class Deadlines
{
    /// <summary>The last day a unit may send: the deadline, or its extension when that is later.</summary>
    public static DateOnly LastDay(DateOnly deadline, DateOnly? extensionUntil) =>
        extensionUntil is { } extension && extension > deadline ? extension : deadline;

    /// <summary>On time means sent on or before the deadline day; not sent is missing only once the deadline day is over.</summary>
    public static DeadlineState StateOf(DateOnly deadline, DateOnly today, DateOnly? sentOn) => sentOn switch
    {
        { } sent when sent <= deadline => DeadlineState.OnTime,
        not null => DeadlineState.Late,
        null when today > deadline => DeadlineState.Missing,
        _ => DeadlineState.Waiting,
    };

    public static string Label(this DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "Đúng hạn",
        DeadlineState.Late => "Trễ hạn",
        DeadlineState.Missing => "Chưa gửi (quá hạn)",
        _ => "Chưa gửi (còn hạn)",
    };
}
