using System.Collections.Concurrent;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Values computed from the database and kept per key until a save that concerns them empties the lot
/// (<see cref="ChangeWatchInterceptor"/>: before the save, after it and on commit); a value computed while such a save
/// was under way is not kept. Issue 14: figures a page shows on every visit are counted once, not per request.
/// </summary>
public abstract class KeptValues<TKey, TValue>(params string[] sourceNamespaces) : IWatchesChanges
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private long _generation;
    private long _computed;

    /// <summary>How many times a value was computed in the database; for tests and diagnostics.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    public bool Concerns(Type entityType) => sourceNamespaces.Contains(entityType.Namespace, StringComparer.Ordinal);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The kept value, or a new one computed now and kept when <paramref name="keep"/> allows it.</summary>
    protected async Task<T> GetOrComputeAsync<T>(TKey key, Func<Task<T>> compute, Func<T, TValue?> keep, Func<TValue, T> give)
    {
        if (_entries.TryGetValue(key, out var kept))
        {
            return give(kept);
        }

        var generation = Interlocked.Read(ref _generation);
        var result = await compute();
        Interlocked.Increment(ref _computed);
        if (keep(result) is { } value && generation == Interlocked.Read(ref _generation))
        {
            _entries[key] = value;
            if (generation != Interlocked.Read(ref _generation))
            {
                _entries.TryRemove(key, out _);
            }
        }

        return result;
    }
}
