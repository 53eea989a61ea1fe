using Exemplars.Domain.Organizations;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Discovery;

/// <summary>
/// The secretariat's view by association (plan IV.2): for the Youth Union and the Veterans' Association, how many branches
/// the bloc has, how many records they sent up, how many the bloc association forwarded (its own included), nurtured,
/// still waits on or returned. Counts only: the content of a record not yet forwarded stays with the association.
/// </summary>
public static class DiscoveryByAssociation
{
    public sealed record Tally(MassAssociation Association, string Label, int Branches, int Sent, int Waiting, int Returned, int Forwarded, int ForwardedNurtured);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        /// <summary>Records made from the day <paramref name="from"/> to the day <paramref name="to"/> (Viet Nam time, both included) when given; every record otherwise.</summary>
        public async Task<IReadOnlyList<Tally>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
        {
            var organizations = db.Organizations.InScopeOf(user);
            var branches = await organizations.Where(o => o.IsActive && DiscoveryRouting.BranchKinds.Contains(o.Kind))
                .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var records = db.DiscoveredExemplars.Where(d => d.Association != null && organizations.Any(o => o.Id == d.OrganizationId));
            if (from is { } first)
            {
                var start = VietnamTime.StartOfDayUtc(first);
                records = records.Where(d => d.RecordedAtUtc >= start);
            }

            if (to is { } last)
            {
                var end = VietnamTime.StartOfDayUtc(last.AddDays(1));
                records = records.Where(d => d.RecordedAtUtc < end);
            }

            var counts = await records.GroupBy(d => new { d.Association, d.SendState, d.Stage })
                .Select(g => new { g.Key.Association, g.Key.SendState, g.Key.Stage, Count = g.Count(), FromBranches = g.Count(d => d.SentAtUtc != null) })
                .ToListAsync(cancellationToken);
            return Enum.GetValues<MassAssociation>().Select(a =>
            {
                var mine = counts.Where(c => c.Association == a).ToList();
                int Of(DiscoverySendState state) => mine.Where(c => c.SendState == state).Sum(c => c.Count);
                return new Tally(a, DiscoveryRouting.Label(a),
                    branches.Where(b => DiscoveryRouting.AssociationOf(b.Key) == a).Sum(b => b.Count),
                    mine.Sum(c => c.FromBranches),
                    Of(DiscoverySendState.Sent), Of(DiscoverySendState.Returned), Of(DiscoverySendState.Forwarded),
                    mine.Where(c => c.SendState == DiscoverySendState.Forwarded && c.Stage == DiscoveryStage.Nurtured).Sum(c => c.Count));
            }).ToList();
        }
    }
}
