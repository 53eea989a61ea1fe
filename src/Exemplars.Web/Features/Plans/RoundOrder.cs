using Exemplars.Domain.Plans;

namespace Exemplars.Web.Features.Plans;

/// <summary>Rounds in the order a user looks for them (see <see cref="RoundCalendar.CurrentFirst"/>); the first one is the page's default round.</summary>
public static class RoundOrder
{
    public static List<Round> CurrentFirst(IEnumerable<Round> rounds, DateOnly today) => RoundCalendar.CurrentFirst(rounds, today).ToList();
}
