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

    /// <summary>At most this many keys are kept; past it the lot is emptied (keys may come from search texts).</summary>
    protected virtual int MaxEntries => 10_000;

    /// <summary>The generation to pass to <see cref="Keep"/> for a value about to be computed.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Keeps a value computed after <paramref name="generation"/> was read, unless a save has moved it since.</summary>
    public void Keep(TKey key, TValue value, long generation)
    {
        Interlocked.Increment(ref _computed);
        if (generation != Interlocked.Read(ref _generation))
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = value;
        if (generation != Interlocked.Read(ref _generation))
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>The kept value, or a new one computed now and kept when <paramref name="keep"/> allows it.</summary>
    protected async Task<T> GetOrComputeAsync<T>(TKey key, Func<Task<T>> compute, Func<T, TValue?> keep, Func<TValue, T> give)
    {
        if (_entries.TryGetValue(key, out var kept))
        {
            return give(kept);
        }

        var generation = Generation;
        var result = await compute();
        if (keep(result) is { } value)
        {
            Keep(key, value, generation);
        }
        else
        {
            Interlocked.Increment(ref _computed);
        }

        return result;
    }
}
