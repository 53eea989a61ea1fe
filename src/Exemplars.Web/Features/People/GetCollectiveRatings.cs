using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>A collective's yearly ratings (party organisation and mass organisations), for its page.</summary>
public static class GetCollectiveRatings
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<IReadOnlyList<CollectiveRating>> Handle(int organizationId, CancellationToken cancellationToken) =>
            await db.CollectiveRatings.AsNoTracking()
                .Where(r => r.OrganizationId == organizationId && db.Organizations.InScopeOf(user).Any(o => o.Id == organizationId))
                .OrderBy(r => r.Year).ThenBy(r => r.Body)
                .ToListAsync(cancellationToken);
    }
}
