using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.People;

/// <summary>
/// The people list's bounded counts, per scope and filter, as last counted (issue 14: at 5 million people the count of
/// 10,001 rows cost more than the page itself). Emptied whenever a save touches a person or an organisation (the
/// scope and the unit filter); a count made while such a save was under way is not kept.
/// </summary>
public sealed class PeopleCounts() : KeptValues<string, int>("Exemplars.Domain.People", "Exemplars.Domain.Organizations")
{
    public KeptCount For(string key)
    {
        var generation = Generation;
        return new KeptCount(TryGet(key, out var known) ? known : null, counted => Keep(key, counted, generation));
    }
}
