namespace Exemplars.Domain.Plans;

/// <summary>
/// Which round a user means when none is named. A round's submission window runs from the day after the previous
/// deadline to the end of its own deadline day, so the open round is the one with the nearest deadline not yet past
/// (e.g. the interim round 2026-2028 before the final round 2026-2030). When every deadline is past, the round whose
/// deadline passed last is the one still being worked on.
/// </summary>
public static class RoundCalendar
{
    /// <summary>
    /// Rounds in the order a user looks for them: rounds still open for sending first, nearest deadline first, then
    /// closed rounds, latest deadline first. The first one is the open round.
    /// </summary>
    public static IReadOnlyList<Round> CurrentFirst(IEnumerable<Round> rounds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        return rounds.OrderBy(r => r.GrassrootsDeadline < today)
            .ThenBy(r => r.GrassrootsDeadline < today ? -r.GrassrootsDeadline.DayNumber : r.GrassrootsDeadline.DayNumber)
            .ThenByDescending(r => r.LastRatingYear)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The open round on <paramref name="today"/>, or null when there is no round at all.</summary>
    public static Round? Open(IEnumerable<Round> rounds, DateOnly today)
    {
        var ordered = CurrentFirst(rounds, today);
        return ordered.Count > 0 ? ordered[0] : null;
    }

    /// <summary>
    /// The round a page shows: the requested code when it is a known round, otherwise the open round.
    /// </summary>
    public static Round? Choose(IEnumerable<Round> rounds, string? requested, DateOnly today)
    {
        var ordered = CurrentFirst(rounds, today);
        var code = requested?.Trim();
        return ordered.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal)) ?? (ordered.Count > 0 ? ordered[0] : null);
    }
}
