using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Common;

/// <summary>
/// A list's bounded counts per scope and filter, as last counted (issue 14: at the national tier counting the
/// 10,001 rows of a filter cost more than reading its page). Emptied whenever a save touches one of the entity
/// namespaces named; a count made while such a save was under way is not kept.
/// </summary>
public abstract class KeptCounts(params string[] sourceNamespaces) : KeptValues<string, int>(sourceNamespaces)
{
    /// <summary>The count kept under <paramref name="key"/> if any, and where to keep the one counted now.</summary>
    public KeptCount For(string key)
    {
        var generation = Generation;
        return new KeptCount(TryGet(key, out var known) ? known : null, counted => Keep(key, counted, generation));
    }
}
