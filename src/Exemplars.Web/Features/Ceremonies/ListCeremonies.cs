using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>The ceremonies the caller may see, newest first, searchable by title, place or round (a few per plan term).</summary>
public static class ListCeremonies
{
    public sealed record Row(int Id, string RoundCode, string Title, DateOnly Date, TimeOnly StartsAt, string Place, CeremonyState State, int Invited, int Attended);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Paged<Row>>> Handle(string? search, int page, CancellationToken cancellationToken)
        {
            if (!CeremonyAccess.CanSee(user))
            {
                return CeremonyAccess.Forbidden;
            }

            var guests = db.VisibleGuests(user);
            var rows = await db.VisibleCeremonies(user)
                .Join(db.Rounds, c => c.RoundId, r => r.Id, (c, r) => new { c, r.Code })
                .OrderByDescending(x => x.c.Date).ThenByDescending(x => x.c.Id)
                .Select(x => new Row(x.c.Id, x.Code, x.c.Title, x.c.Date, x.c.StartsAt, x.c.Place, x.c.State,
                    guests.Count(g => g.CeremonyId == x.c.Id), guests.Count(g => g.CeremonyId == x.c.Id && g.Attended == true)))
                .ToListAsync(cancellationToken);
            if (VietnameseText.Fold(search) is { Length: > 0 } folded)
            {
                rows = rows.Where(r => VietnameseText.Fold($"{r.Title} {r.Place} {r.RoundCode}").Contains(folded, StringComparison.Ordinal)).ToList();
            }

            return Paged<Row>.Of(rows, new PageRequest(page));
        }
    }
}
