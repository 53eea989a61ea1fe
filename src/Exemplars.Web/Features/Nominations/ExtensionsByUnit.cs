using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

public static class ExtensionsByUnit
{
    /// <summary>Each unit's latest granted extension in a round (one grouped query), keyed by organisation id.</summary>
    public static Task<Dictionary<int, DateOnly>> ExtensionsByUnitAsync(this AppDbContext db, int roundId, CancellationToken cancellationToken) =>
        db.DeadlineExtensions.Where(x => x.RoundId == roundId).GroupBy(x => x.OrganizationId)
            .Select(g => new { g.Key, Until = g.Max(x => x.Until) }).ToDictionaryAsync(x => x.Key, x => x.Until, cancellationToken);
}
