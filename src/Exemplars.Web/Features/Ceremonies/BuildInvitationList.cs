using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// The invitation list from the decision as it stands: its awards (with each awardee's grassroots unit, position and
/// person) and the registry's leaders of those units, handed to the pure <see cref="InvitationList.Build"/>. Syncing
/// puts it in place of the list the decision brought before; guests added by hand stay.
/// </summary>
public static class BuildInvitationList
{
    public static async Task<IReadOnlyList<InvitationList.Draft>> LoadAsync(AppDbContext db, int decisionId, CancellationToken cancellationToken)
    {
        var awardees = await (from a in db.Awards
                              where a.DecisionId == decisionId
                              join n in db.Nominations on a.NominationId equals n.Id
                              join o in db.Organizations on n.OrganizationId equals o.Id
                              join p in db.People on n.PersonId equals p.Id into people
                              from p in people.DefaultIfEmpty()
                              select new InvitationList.Awardee(a.Id, n.Kind == NomineeKind.Collective, a.RecipientName, n.PersonId, p == null ? null : p.Position, o.Id, o.Name))
            .ToListAsync(cancellationToken);
        var units = awardees.Select(a => a.UnitId).Distinct().ToList();
        var leaders = await db.People.Where(p => p.IsActive && p.IsLeader && p.LedOrganizationId != null && units.Contains(p.LedOrganizationId.Value))
            .Join(db.Organizations, p => p.LedOrganizationId, o => (int?)o.Id, (p, o) => new InvitationList.Leader(p.Id, p.FullName, p.Position, o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return InvitationList.Build(awardees, leaders);
    }

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        /// <summary>Rebuilds the list from the decision; returns the number of guests.</summary>
        public async Task<Result<int>> Sync(int ceremonyId, Guid? version, CancellationToken cancellationToken)
        {
            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<int>.Failure(loaded.Errors);
            }

            var ceremony = loaded.Value;
            var drafts = await LoadAsync(db, ceremony.DecisionId, cancellationToken);
            var synced = ceremony.SyncGuests(drafts, clock.GetUtcNow().UtcDateTime);
            if (!synced.IsSuccess)
            {
                return Result<int>.Failure(synced.Errors);
            }

            return await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : ceremony.Guests.Count;
        }
    }
}
