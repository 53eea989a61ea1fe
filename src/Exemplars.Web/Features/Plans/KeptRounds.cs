using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Plans;

/// <summary>
/// Every round, as last read (issue 14: the round picker of the home, nominations, suggestions and dashboard pages read
/// them on every visit). Emptied whenever a save touches a plan; each caller gets its own copies.
/// </summary>
public sealed class KeptRounds() : KeptValues<int, IReadOnlyList<Round>>("Exemplars.Domain.Plans")
{
    public async Task<List<Round>> GetOrReadAsync(Func<Task<List<Round>>> read) =>
        Copies(await GetOrComputeAsync<IReadOnlyList<Round>>(0, async () => await read(), Copies, kept => kept));

    private static List<Round> Copies(IReadOnlyList<Round> rounds) => rounds.Select(r => r.Copy()).ToList();
}
