using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// One ceremony with a page of its guests (a clerk sees only their own units' guests) and, for those who organise it,
/// the certificate printing order — the order the awards are presented.
/// </summary>
public static class GetCeremony
{
    public sealed record Guest(int Id, int Order, GuestKind Kind, string KindLabel, string Name, string? Position, string? Unit, string Seat, bool? Attended);

    /// <summary>One certificate in the order it is printed and presented, with the "số vào sổ" it carries and the awardee's seat.</summary>
    public sealed record Presented(int Order, string Name, bool IsCollective, string? Unit, string RegisterNumber, string? Seat);

    public sealed record Photo(int Id, string FileName, string? Caption);

    public sealed record Counts(int Invited, int Awardees, int Leaders, int Guests, int Attended, int Absent);

    public sealed record Response(
        int Id, string RoundCode, int DecisionId, string DecisionNumber, DateOnly DecisionDate, string Title, string? Occasion, DateOnly Date, TimeOnly StartsAt,
        string Place, IReadOnlyList<string> Programme, int SeatsPerRow, CeremonyState State, DateOnly? HeldOn, string? StoryTitle, string? StoryHtml, bool StoryPublished,
        Guid Version, Counts Counts, Paged<Guest> Guests, IReadOnlyList<Presented> PresentationOrder, IReadOnlyList<Photo> Photos, bool CanManage);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Response>> Handle(int id, int page, string? search, CancellationToken cancellationToken)
        {
            if (!CeremonyAccess.CanSee(user))
            {
                return CeremonyAccess.Forbidden;
            }

            var ceremony = await db.VisibleCeremonies(user).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (ceremony is null)
            {
                return CeremonyAccess.Missing;
            }

            var decision = await db.Decisions.AsNoTracking().Where(d => d.Id == ceremony.DecisionId).Select(d => new { d.Number, d.Type, d.Issuer, d.Date }).SingleAsync(cancellationToken);
            var number = DocumentNumber.Format(decision.Number, decision.Type, decision.Issuer);
            var round = await db.Rounds.Where(r => r.Id == ceremony.RoundId).Select(r => r.Code).SingleAsync(cancellationToken);
            var guests = db.VisibleGuests(user).Where(g => g.CeremonyId == id);
            var counted = await guests.GroupBy(g => new { g.Kind, g.Attended }).Select(g => new { g.Key.Kind, g.Key.Attended, Count = g.Count() }).ToListAsync(cancellationToken);
            var counts = new Counts(
                counted.Sum(c => c.Count), counted.Where(c => c.Kind.IsAwardee()).Sum(c => c.Count), counted.Where(c => c.Kind == GuestKind.UnitLeader).Sum(c => c.Count),
                counted.Where(c => c.Kind is GuestKind.HostLeader or GuestKind.Guest).Sum(c => c.Count), counted.Where(c => c.Attended == true).Sum(c => c.Count), counted.Where(c => c.Attended == false).Sum(c => c.Count));

            Paged<Guest> paged;
            if (VietnameseText.Fold(search) is { Length: > 0 } folded)
            {
                // A ceremony has hundreds of guests at most: folded and filtered in memory, then paged.
                var all = await guests.OrderBy(g => g.Order).AsNoTracking().ToListAsync(cancellationToken);
                paged = Paged<Guest>.Of(all.Where(g => VietnameseText.Fold($"{g.Name} {g.Unit} {g.Seat}").Contains(folded, StringComparison.Ordinal)).Select(ToGuest).ToList(), new PageRequest(page));
            }
            else
            {
                var rows = await guests.OrderBy(g => g.Order).Select(g => new { g.Id, g.Order, g.Kind, g.Name, g.Position, g.Unit, g.Seat, g.Attended })
                    .ToPagedAsync(new PageRequest(page), cancellationToken);
                paged = new Paged<Guest>(rows.Items.Select(g => new Guest(g.Id, g.Order, g.Kind, g.Kind.Label(), g.Name, g.Position, g.Unit, g.Seat, g.Attended)).ToList(), rows.Total, rows.Page, rows.PageSize);
            }

            IReadOnlyList<Presented> presentation = [];
            if (CeremonyAccess.SeesAll(user))
            {
                var seats = await db.Set<CeremonyGuest>().Where(g => g.CeremonyId == id && g.AwardId != null).ToDictionaryAsync(g => g.AwardId!.Value, g => g.Seat, cancellationToken);
                presentation = (await PrintingOrder.LoadAsync(db, ceremony.DecisionId, cancellationToken))
                    .Select(p => new Presented(p.Position, p.Name, p.IsCollective, p.Unit, Documents.CertificatesDocument.Handler.RegisterNumber(number, p.Position), seats.GetValueOrDefault(p.AwardId)))
                    .ToList();
            }

            var photos = await db.Set<CeremonyPhoto>().Where(p => p.CeremonyId == id).OrderBy(p => p.Id).Select(p => new Photo(p.Id, p.FileName, p.Caption)).ToListAsync(cancellationToken);
            return new Response(ceremony.Id, round, ceremony.DecisionId, number, decision.Date, ceremony.Title, ceremony.Occasion, ceremony.Date, ceremony.StartsAt,
                ceremony.Place, ceremony.ProgrammeItems, ceremony.SeatsPerRow, ceremony.State, ceremony.HeldOn, ceremony.StoryTitle, ceremony.StoryHtml, ceremony.StoryPublished,
                ceremony.Version, counts, paged, presentation, photos, CeremonyAccess.CanManage(user));
        }

        private static Guest ToGuest(CeremonyGuest g) => new(g.Id, g.Order, g.Kind, g.Kind.Label(), g.Name, g.Position, g.Unit, g.Seat, g.Attended);
    }
}
