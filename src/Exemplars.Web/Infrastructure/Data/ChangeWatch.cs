using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>An in-memory cache of something read from the database, emptied when a save touches what it was read from.</summary>
public interface IWatchesChanges
{
    /// <summary>True when a saved entity of this type can change what the cache holds.</summary>
    bool Concerns(Type entityType);

    void Clear();
}

/// <summary>
/// Empties every <see cref="IWatchesChanges"/> cache concerned by a save: before the save, after it, and again when its
/// transaction commits (a request reading between the save and the commit would otherwise keep the old rows). With several
/// instances the commit is told to the others (<see cref="ChangeBroadcast"/>).
/// </summary>
public sealed class ChangeWatchInterceptor(IEnumerable<IWatchesChanges> caches, ChangeBroadcast broadcast) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly IReadOnlyList<IWatchesChanges> _caches = [.. caches];
    private readonly ConditionalWeakTable<DbContext, List<IWatchesChanges>> _touched = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Settle(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var types = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType).ToHashSet();
        var concerned = _caches.Where(c => types.Any(c.Concerns)).ToList();
        if (concerned.Count == 0)
        {
            return;
        }

        var touched = _touched.GetOrCreateValue(context);
        foreach (var cache in concerned)
        {
            cache.Clear();
            if (!touched.Contains(cache))
            {
                touched.Add(cache);
            }
        }
    }

    private void Settle(DbContext? context, bool committed)
    {
        if (context is null || !_touched.TryGetValue(context, out var touched))
        {
            return;
        }

        if (committed)
        {
            _touched.Remove(context);
            broadcast.ClearEverywhere(touched); // here, and other instances empty the same caches (ADR 033)
            return;
        }

        foreach (var cache in touched)
        {
            cache.Clear();
        }
    }
}
