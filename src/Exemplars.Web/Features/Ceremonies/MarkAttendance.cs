using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>The roll: for each guest named, came (true), did not come (false) or not known (null); guests not named keep their mark.</summary>
public static class MarkAttendance
{
    public sealed record Mark(int GuestId, bool? Attended);

    public sealed record Command(IReadOnlyList<Mark> Marks, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<Guid>> Handle(int ceremonyId, Command command, CancellationToken cancellationToken)
        {
            if (command.Marks is null || command.Marks.Count == 0 || command.Marks.Any(m => m is null) || command.Marks.Count > 5_000 || command.Marks.Select(m => m.GuestId).Distinct().Count() != command.Marks.Count)
            {
                return DomainError.Invalid("Marks", "Danh sách điểm danh trống, quá dài hoặc có người lặp lại.");
            }

            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, command.Version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<Guid>.Failure(loaded.Errors);
            }

            var marked = loaded.Value.MarkAttendance(command.Marks.ToDictionary(m => m.GuestId, m => m.Attended), clock.GetUtcNow().UtcDateTime);
            if (!marked.IsSuccess)
            {
                return Result<Guid>.Failure(marked.Errors);
            }

            return await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : loaded.Value.Version;
        }
    }
}
