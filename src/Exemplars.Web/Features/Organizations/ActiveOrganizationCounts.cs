using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// How many active organisations each scope holds, as last counted (the home pages show it on every visit; at the
/// national tier the count reads 150,000 rows). Emptied whenever a save touches an organisation.
/// </summary>
public sealed class ActiveOrganizationCounts() : KeptValues<string, int>("Exemplars.Domain.Organizations")
{
    public Task<int> GetOrCountAsync(string scope, Func<Task<int>> count) => GetOrComputeAsync(scope, count, n => n, n => n);
}
