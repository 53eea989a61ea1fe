using Exemplars.Domain.Common;
using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Discovery;

/// <summary>The bloc association forwards a branch's record to the bloc's secretariat, which sees it from then on.</summary>
public static class ForwardDiscovered
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<bool>> Handle(int id, Guid? version, CancellationToken cancellationToken)
        {
            var record = await InboxRecord.FindAsync(db, user, id, cancellationToken);
            if (record is null)
            {
                return DomainError.NotFound("Không tìm thấy bản ghi chi đoàn, chi hội gửi lên.");
            }

            if ((DiscoveryRouting.CheckForward(record.SendState) ?? Common.Versions.Check(version, record.Version, DiscoveryAccess.StaleMessage)) is { } refused)
            {
                return refused;
            }

            record.Forward(user.Email, clock.GetUtcNow().UtcDateTime);
            return await Common.Versions.SaveAsync(db, DiscoveryAccess.StaleMessage, cancellationToken) is { } conflict ? conflict : true;
        }
    }
}

/// <summary>A record a branch sent to the signed-in association clerk's bloc association, or null.</summary>
internal static class InboxRecord
{
    public static Task<DiscoveredExemplar?> FindAsync(AppDbContext db, CurrentUser user, int id, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.MassOrganisationClerk)
            ? db.DiscoveredExemplars.SingleOrDefaultAsync(d => d.Id == id && d.AssociationOrganizationId == user.OrganizationId && d.SendState != DiscoverySendState.Kept, cancellationToken)
            : Task.FromResult<DiscoveredExemplar?>(null);
}
