using System.Data.Common;
using System.Runtime.CompilerServices;
using Exemplars.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Empties the <see cref="SignedInUserCache"/> when a save touches a user or an organisation: before the save, after
/// it, and again when its transaction commits (a request reading between the save and the commit would otherwise keep
/// the old row until <see cref="SignedInUserCache.MaxAge"/>).
/// </summary>
public sealed class SignedInUserCacheInvalidator(SignedInUserCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _touched = [];

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
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is AppUser or Organization))
        {
            _touched.AddOrUpdate(context, context);
            cache.Clear();
        }
    }

    private void Settle(DbContext? context, bool committed)
    {
        if (context is not null && _touched.TryGetValue(context, out _))
        {
            cache.Clear();
            if (committed)
            {
                _touched.Remove(context);
            }
        }
    }
}
