using Exemplars.Domain.Ceremonies;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// The dashboard's line for a round's ceremony: the latest one planned for the round, its date, how many are invited
/// (of them commended) and how many came. Counted on each request (one small query), outside the dashboard's cache,
/// which only empties on changes to nominations and the registry.
/// </summary>
public static class CeremonySummary
{
    public sealed record Tile(int Id, string Title, DateOnly Date, TimeOnly StartsAt, string Place, CeremonyState State, int Invited, int Awardees, int Attended, int Absent);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Tile?> ForRound(string roundCode, CancellationToken cancellationToken)
        {
            var guests = db.Set<CeremonyGuest>();
            return await db.Set<Ceremony>()
                .Where(c => db.Rounds.Any(r => r.Id == c.RoundId && r.Code == roundCode))
                .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
                .Select(c => new Tile(c.Id, c.Title, c.Date, c.StartsAt, c.Place, c.State,
                    guests.Count(g => g.CeremonyId == c.Id),
                    guests.Count(g => g.CeremonyId == c.Id && (g.Kind == GuestKind.CollectiveRepresentative || g.Kind == GuestKind.Individual)),
                    guests.Count(g => g.CeremonyId == c.Id && g.Attended == true),
                    guests.Count(g => g.CeremonyId == c.Id && g.Attended == false)))
                .FirstOrDefaultAsync(cancellationToken);
        }
    }
}
