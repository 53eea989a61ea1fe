using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>Takes a guest added by hand or a unit leader off the list (the page asks for confirmation first); the commended stay.</summary>
public static class RemoveGuest
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<bool>> Handle(int ceremonyId, int guestId, Guid? version, CancellationToken cancellationToken)
        {
            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<bool>.Failure(loaded.Errors);
            }

            var removed = loaded.Value.RemoveGuest(guestId, clock.GetUtcNow().UtcDateTime);
            if (!removed.IsSuccess)
            {
                return removed;
            }

            return await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : true;
        }
    }
}
