using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>The organisations a form or filter offers, always limited to the caller's scope.</summary>
public static class OrganizationOptions
{
    public sealed record Item(int Id, string Code, string Name);

    /// <summary>The units a picker offers; <paramref name="More"/> when others matched beyond <paramref name="Limit"/>.</summary>
    public sealed record Picked(IReadOnlyList<Item> Items, bool More, int Limit);

    /// <summary>A picker shows at most this many (the registry holds a few hundred units).</summary>
    public const int Limit = 1000;

    /// <summary>
    /// A list's unit filter offers at most this many by name ("Pickers:Limit"): a bloc has 100–200 grassroots units, and
    /// a select of more is read by nobody (issue 14: 1,000 options were most of the nominations page at the national
    /// tier); the name search beside it finds the others.
    /// </summary>
    public const int FilterLimit = 200;

    public sealed class Handler(AppDbContext db, CurrentUser user, IConfiguration configuration, ActiveOrganizationCounts counts, UnitFilterOptions filterOptions)
    {
        /// <summary>
        /// Grassroots units in scope by name, whose name contains <paramref name="search"/> (diacritics ignored) when one is
        /// given; active ones only unless <paramref name="includeInactive"/>. At most <see cref="FilterLimit"/>, and
        /// <see cref="Picked.More"/> says when there are more, so a filter never hides units without saying so.
        /// </summary>
        public async Task<Picked> Grassroots(bool includeInactive, string? search, int? selected, CancellationToken cancellationToken)
        {
            var units = db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && (includeInactive || o.IsActive));
            var folded = VietnameseText.Fold(search);
            if (folded.Length > 0)
            {
                units = units.Where(o => EF.Functions.Like(o.SearchName, Common.TextSearch.Contains(folded), Common.TextSearch.Escape));
            }

            var limit = configuration.GetValue("Pickers:Limit", FilterLimit);
            var items = await filterOptions.GetOrPickAsync(
                KeptKey.Of(user.ScopePath, includeInactive, folded, limit),
                () => Pick(units.OrderBy(o => o.Name), limit + 1, cancellationToken));
            var shown = items.Take(limit).ToList();
            if (selected is { } id && shown.All(i => i.Id != id)
                && await Pick(db.Organizations.InScopeOf(user).Where(o => o.Id == id && o.Kind == OrganizationKind.Grassroots), 1, cancellationToken) is [var chosen])
            {
                // The unit being filtered on stays selectable even when the search or the limit would leave it out.
                shown.Insert(0, chosen);
            }

            return new Picked(shown, items.Count > limit, limit);
        }

        /// <summary>Active units in scope by code (where a person may belong): not the mass organisations' branches, which keep no party registry.</summary>
        public Task<List<Item>> Active(CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.IsActive && !DiscoveryRouting.BranchKinds.Contains(o.Kind)).OrderBy(o => o.Code), Limit, cancellationToken);

        /// <summary>Active grassroots units and sub-units in scope by code: the collectives a clerk may nominate.</summary>
        public Task<List<Item>> Collectives(CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.IsActive && (o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit)).OrderBy(o => o.Code), 500, cancellationToken);

        /// <summary>Active organisations that may have units under them (not sub-units, not branches), by code: an organisation's possible parents.</summary>
        public Task<List<Item>> Parents(CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.IsActive && o.Kind != OrganizationKind.SubUnit && !DiscoveryRouting.BranchKinds.Contains(o.Kind)).OrderBy(o => o.Code), Limit, cancellationToken);

        /// <summary>The codes of the given organisations in scope (id → code).</summary>
        public async Task<Dictionary<int, string>> Codes(IEnumerable<int?> ids, CancellationToken cancellationToken)
        {
            var wanted = ids.OfType<int>().Distinct().ToList();
            return await db.Organizations.InScopeOf(user).Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, cancellationToken);
        }

        /// <summary>The code of the caller's own organisation.</summary>
        public async Task<string?> OwnCode(CancellationToken cancellationToken) =>
            await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Code).SingleOrDefaultAsync(cancellationToken);

        /// <summary>How many active organisations the caller's scope holds.</summary>
        public Task<int> CountActive(CancellationToken cancellationToken) =>
            user.IsAuthenticated
                ? counts.GetOrCountAsync(user.ScopePath, () => db.Organizations.InScopeOf(user).CountAsync(o => o.IsActive, cancellationToken))
                : Task.FromResult(0);

        private static async Task<List<Item>> Pick(IQueryable<Organization> organizations, int limit, CancellationToken cancellationToken) =>
            await organizations.Select(o => new Item(o.Id, o.Code, o.Name)).Take(limit).ToListAsync(cancellationToken);
    }
}
