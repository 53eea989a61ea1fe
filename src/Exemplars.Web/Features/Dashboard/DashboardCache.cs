using System.Collections.Concurrent;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Dashboard;

/// <summary>
/// The round dashboards as last computed, per round and scope (issue 14: the figures are kept, not recounted on each
/// request). Emptied by <see cref="ChangeWatchInterceptor"/> whenever a save touches nominations, their versions and
/// extensions, people, organisations or plans, so the next request recounts; a count made while such a save was under
/// way is not kept.
/// </summary>
public sealed class DashboardCache : IWatchesChanges
{
    private static readonly string[] Sources = ["Exemplars.Domain.Nominations", "Exemplars.Domain.People", "Exemplars.Domain.Organizations", "Exemplars.Domain.Plans"];

    private readonly ConcurrentDictionary<(string Round, string Scope), RoundDashboard.Response> _entries = new();
    private long _generation;
    private long _computed;

    /// <summary>How many times a dashboard was counted in the database; for tests and diagnostics.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    public bool Concerns(Type entityType) => Sources.Contains(entityType.Namespace, StringComparer.Ordinal);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public async Task<Result<RoundDashboard.Response>> GetOrComputeAsync(string? round, string scope, Func<Task<Result<RoundDashboard.Response>>> compute)
    {
        var key = (round ?? string.Empty, scope);
        if (_entries.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var generation = Interlocked.Read(ref _generation);
        var result = await compute();
        Interlocked.Increment(ref _computed);
        if (result.IsSuccess && generation == Interlocked.Read(ref _generation))
        {
            _entries[key] = result.Value;
            if (generation != Interlocked.Read(ref _generation))
            {
                _entries.TryRemove(key, out _);
            }
        }

        return result;
    }
}
