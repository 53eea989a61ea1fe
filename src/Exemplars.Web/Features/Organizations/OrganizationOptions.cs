using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>The organisations a form or filter offers, always limited to the caller's scope.</summary>
public static class OrganizationOptions
{
    public sealed record Item(int Id, string Code, string Name);

    /// <summary>A picker shows at most this many (the registry holds a few hundred units).</summary>
    public const int Limit = 1000;

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        /// <summary>Grassroots units in scope by name; active ones only unless <paramref name="includeInactive"/>.</summary>
        public Task<List<Item>> Grassroots(bool includeInactive, CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.Kind == OrganizationKind.Grassroots && (includeInactive || o.IsActive)).OrderBy(o => o.Name), Limit, cancellationToken);

        /// <summary>Active units in scope by code (where a person may belong).</summary>
        public Task<List<Item>> Active(CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.IsActive).OrderBy(o => o.Code), Limit, cancellationToken);

        /// <summary>Active grassroots units and sub-units in scope by code: the collectives a clerk may nominate.</summary>
        public Task<List<Item>> Collectives(CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.IsActive && (o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit)).OrderBy(o => o.Code), 500, cancellationToken);

        /// <summary>Active organisations that may have units under them (not sub-units), by code: an organisation's possible parents.</summary>
        public Task<List<Item>> Parents(CancellationToken cancellationToken) =>
            Pick(db.Organizations.InScopeOf(user).Where(o => o.IsActive && o.Kind != OrganizationKind.SubUnit).OrderBy(o => o.Code), Limit, cancellationToken);

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
        public Task<int> CountActive(CancellationToken cancellationToken) => db.Organizations.InScopeOf(user).CountAsync(o => o.IsActive, cancellationToken);

        private static async Task<List<Item>> Pick(IQueryable<Organization> organizations, int limit, CancellationToken cancellationToken) =>
            await organizations.Select(o => new Item(o.Id, o.Code, o.Name)).Take(limit).ToListAsync(cancellationToken);
    }
}
