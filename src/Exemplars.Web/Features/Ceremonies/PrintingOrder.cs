using Exemplars.Domain.Ceremonies;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// The certificate printing order of a decision = the order its awards are presented at the ceremony
/// (<see cref="PresentationOrder"/>: collectives, then individuals, each as the decision lists them). The certificates
/// (<see cref="Documents.CertificatesDocument"/>) are made and numbered in this order, so the pile comes off the printer
/// in the order the awardees are called up.
/// </summary>
public static class PrintingOrder
{
    public sealed record Item(int Position, int AwardId, string Name, bool IsCollective, string? Unit, int? NominationId);

    public static async Task<IReadOnlyList<Item>> LoadAsync(AppDbContext db, int decisionId, CancellationToken cancellationToken)
    {
        var awards = await (from a in db.Awards
                            where a.DecisionId == decisionId
                            join n in db.Nominations on a.NominationId equals n.Id into nominations
                            from n in nominations.DefaultIfEmpty()
                            join o in db.Organizations on n.OrganizationId equals o.Id into units
                            from o in units.DefaultIfEmpty()
                            select new { a.Id, a.RecipientName, a.PersonId, a.NominationId, Unit = o == null ? null : o.Name })
            .ToListAsync(cancellationToken);
        return PresentationOrder.Sort(awards, a => a.PersonId is null, a => a.RecipientName)
            .Select((a, i) => new Item(i + 1, a.Id, a.RecipientName, a.PersonId is null, a.Unit == a.RecipientName ? null : a.Unit, a.NominationId)).ToList();
    }
}
