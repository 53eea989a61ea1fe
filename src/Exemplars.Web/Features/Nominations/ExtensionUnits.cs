using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The grassroots units the secretariat picks from when granting extensions (GrantExtension), with each one's current extension.</summary>
public static class ExtensionUnits
{
    /// <summary>A grassroots unit as the picking list shows it, with its current extension in the round.</summary>
    public sealed record Unit(int Id, string Name, DateOnly? ExtendedUntil);

    public sealed record UnitList(string RoundCode, DateOnly Deadline, Paged<Unit> Units);

    /// <summary>The grassroots units in the user's scope, searched by name (accents optional), 20 a page.</summary>
    /// <summary>The columns the list can be sorted by (unit name, extended until).</summary>
    public static readonly string[] SortKeys = ["ten", "gia-han"];

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public const int PageSize = 20;

        /// <summary>The units by name (Vietnamese order), or by the date they are extended to (<see cref="SortKeys"/>).</summary>
        public async Task<Result<UnitList>> Handle(string? round, string? search, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanReview(user))
            {
                return NominationAccess.Forbidden("gia hạn nộp hồ sơ");
            }

            var context = await RoundContext.LoadAsync(db, round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<UnitList>.Failure(context.Errors);
            }

            var units = await db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && o.IsActive)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
            var folded = Domain.Common.VietnameseText.Fold(search ?? string.Empty).Trim();
            var matching = folded.Length == 0 ? units : units.Where(u => Domain.Common.VietnameseText.Fold(u.Name).Contains(folded, StringComparison.Ordinal)).ToList();
            var extensions = await db.ExtensionsByUnitAsync(context.Value.Round.Id, cancellationToken);
            var unsorted = matching.Select(u => new Unit(u.Id, u.Name, extensions.TryGetValue(u.Id, out var until) ? until : null));
            var rows = (sort, descending) switch
            {
                ("gia-han", false) => unsorted.OrderBy(u => u.ExtendedUntil ?? DateOnly.MaxValue).ThenBy(u => u.Name, Domain.Common.VietnameseText.Order).ToList(),
                ("gia-han", true) => unsorted.OrderByDescending(u => u.ExtendedUntil ?? DateOnly.MinValue).ThenBy(u => u.Name, Domain.Common.VietnameseText.Order).ToList(),
                (_, true) => unsorted.OrderByDescending(u => u.Name, Domain.Common.VietnameseText.Order).ToList(),
                _ => unsorted.OrderBy(u => u.Name, Domain.Common.VietnameseText.Order).ToList(),
            };
            return new UnitList(context.Value.Round.Code, context.Value.Round.GrassrootsDeadline, Paged<Unit>.Of(rows, new PageRequest(page, PageSize)));
        }
    }
}
