using Exemplars.Domain.Plans;

namespace Exemplars.Web.Features.Plans;

/// <summary>
/// Rounds in the order a user looks for them: rounds still open for sending (deadline today or later) first, nearest
/// deadline first, then closed rounds, latest first. The first one is the page's default round.
/// </summary>
public static class RoundOrder
{
    public static List<Round> CurrentFirst(IEnumerable<Round> rounds, DateOnly today) =>
        rounds.OrderBy(r => r.GrassrootsDeadline < today)
            .ThenBy(r => r.GrassrootsDeadline < today ? -r.GrassrootsDeadline.DayNumber : r.GrassrootsDeadline.DayNumber)
            .ThenByDescending(r => r.LastRatingYear)
            .ToList();
}
