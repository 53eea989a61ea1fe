using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>Adds a leader of the host committee or another guest by hand; they are seated in the guests' block.</summary>
public static class AddGuest
{
    /// <param name="Kind">HostLeader or Guest: the commended and their units' leaders come from the decision.</param>
    public sealed record Command(GuestKind Kind, string? Name, string? Position, string? Unit, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(int ceremonyId, Command command, CancellationToken cancellationToken)
        {
            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, command.Version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<int>.Failure(loaded.Errors);
            }

            var added = loaded.Value.AddGuest(command.Kind, command.Name, command.Position, command.Unit, clock.GetUtcNow().UtcDateTime);
            if (!added.IsSuccess)
            {
                return Result<int>.Failure(added.Errors);
            }

            return await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : added.Value.Id;
        }
    }
}
