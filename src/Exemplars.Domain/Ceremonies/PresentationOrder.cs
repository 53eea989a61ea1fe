using System.Globalization;

namespace Exemplars.Domain.Ceremonies;

/// <summary>
/// The order awards are presented at the ceremony, certificates are printed and numbered, and the decision's attached
/// list reads: the collectives first, then the individuals, each group by name in Vietnamese alphabetical order.
/// </summary>
public static class PresentationOrder
{
    /// <summary>The comparer of the decision's attached list (Vietnamese, case-sensitive).</summary>
    public static StringComparer Names { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, bool> isCollective, Func<T, string> name) =>
        items.OrderBy(i => isCollective(i) ? 0 : 1).ThenBy(name, Names).ToList();
}
