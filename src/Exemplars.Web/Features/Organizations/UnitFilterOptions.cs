using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// The units a list's unit filter offers, per scope, search and limit, as last read (issue 14: at the national tier
/// the nominations and suggestions pages read the first 200 of 60,000 units by name on every visit). Emptied whenever
/// a save touches an organisation.
/// </summary>
public sealed class UnitFilterOptions() : KeptValues<string, IReadOnlyList<OrganizationOptions.Item>>("Exemplars.Domain.Organizations")
{
    /// <summary>Search texts make keys; a few hundred kept lists of 200 units are enough.</summary>
    protected override int MaxEntries => 500;

    public Task<IReadOnlyList<OrganizationOptions.Item>> GetOrPickAsync(string key, Func<Task<List<OrganizationOptions.Item>>> pick) =>
        GetOrComputeAsync<IReadOnlyList<OrganizationOptions.Item>>(key, async () => await pick(), items => items, items => items);
}
