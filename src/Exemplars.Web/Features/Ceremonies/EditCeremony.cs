using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// Corrects a planned ceremony's title, occasion, date, time, place, programme or seats per row (a moved date, a new
/// hall); the guests are seated again for a new row width. Refused once the ceremony is held, and for a stale page.
/// </summary>
public static class EditCeremony
{
    /// <param name="StartsAt">"08:00", Viet Nam time.</param>
    public sealed record Command(string? Title, string? Occasion, DateOnly Date, TimeOnly StartsAt, string? Place, string? Programme, int? SeatsPerRow, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<Guid>> Handle(int ceremonyId, Command command, CancellationToken cancellationToken)
        {
            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, command.Version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<Guid>.Failure(loaded.Errors);
            }

            var ceremony = loaded.Value;
            var edited = ceremony.Edit(
                new Ceremony.Details(command.Title, command.Occasion, command.Date, command.StartsAt, command.Place, command.Programme, command.SeatsPerRow ?? ceremony.SeatsPerRow),
                clock.GetUtcNow().UtcDateTime);
            return !edited.IsSuccess ? Result<Guid>.Failure(edited.Errors)
                : await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : ceremony.Version;
        }
    }
}
