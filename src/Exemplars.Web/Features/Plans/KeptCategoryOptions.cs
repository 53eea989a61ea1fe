using Exemplars.Domain.Eligibility;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Plans;

/// <summary>The category filters' options per kind, as last read; emptied whenever a save touches a plan.</summary>
public sealed class KeptCategoryOptions() : KeptValues<string, IReadOnlyList<CategoryOptions.Item>>("Exemplars.Domain.Plans")
{
    public Task<IReadOnlyList<CategoryOptions.Item>> GetOrReadAsync(NomineeKind? kind, Func<Task<IReadOnlyList<CategoryOptions.Item>>> read) =>
        GetOrComputeAsync(kind?.ToString() ?? "all", read, items => items, items => items);
}
