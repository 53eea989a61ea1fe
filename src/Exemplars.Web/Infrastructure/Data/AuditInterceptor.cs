using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Exemplars.Domain.Auditing;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted row in the same transaction as the change,
/// and refuses any change to existing audit rows: the log is append-only. A failed audit write is thrown as
/// <see cref="AuditWriteException"/> (never a <see cref="DbUpdateException"/>, which callers read as a conflict) and the
/// change is rolled back with it.
/// </summary>
/// <remarks>
/// One instance serves every context (contexts are pooled, issue 14), so what a save has under way is kept per context
/// (<see cref="State"/>); a pooled context is used by one request at a time.
/// </remarks>
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Never copied into the log: secrets and noise.</summary>
    private static readonly HashSet<string> HiddenProperties =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        "Value", // Identity tokens (refresh/authenticator)
    ];

    /// <summary>Rows set by the system for the running of sign-in, not by a person's decision.</summary>
    /// <remarks>
    /// The ballot box and the voter roll's "has voted" flag are never logged row by row: an entry with the time and the
    /// acting user next to a box row would link a member to a choice. The ballot's opening and closing are logged.
    /// Suggestion rows and marks are a read model the system keeps in step with audited changes (ADR 014).
    /// </remarks>
    private static readonly HashSet<string> SkippedEntityTypes = ["IdentityUserToken`1", "BallotVote", "BallotVoter", "SuggestionRow", "SuggestionMark", "SuggestionState", "UsedRefreshToken", "BackgroundJob", "DataProtectionKey", "StoredFile", "StoredFilePart", "RateCounter", "SealedShare"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (AddPending(eventData.Context) is { } state)
        {
            try
            {
                eventData.Context!.SaveChanges();
            }
            catch (Exception exception) when (exception is not AuditWriteException)
            {
                ForgetUnwritten(eventData.Context!);
                throw new AuditWriteException(exception);
            }
            finally
            {
                state.WritingPending = false;
            }
        }

        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (AddPending(eventData.Context) is { } state)
        {
            try
            {
                await eventData.Context!.SaveChangesAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not AuditWriteException and not OperationCanceledException)
            {
                ForgetUnwritten(eventData.Context!);
                throw new AuditWriteException(exception);
            }
            finally
            {
                state.WritingPending = false;
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingPending: false } state)
        {
            state.Pending.Clear();
        }

        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingPending: false } state)
        {
            state.Pending.Clear();
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>
    /// What one context's save has under way. <see cref="Pending"/>: audit rows of the save, written by a second save right
    /// after the change, once database-generated keys are known, inside the same transaction (<see cref="AppDbContext"/>
    /// opens one when the caller has none), so a change is never committed without its audit rows.
    /// </summary>
    private sealed class State
    {
        public List<(AuditEntry Entry, EntityEntry Source, bool Created)> Pending { get; } = [];

        public HashSet<Type> Summarised { get; } = [];

        public bool WritingPending { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    private State StateOf(DbContext context) => _states.GetValue(context, _ => new State());

    /// <summary>
    /// For bulk imports: rows of <typeparamref name="T"/> saved by <paramref name="context"/> are not audited one by one
    /// while the returned scope is open; the caller writes one summary entry instead (who imported how many rows from
    /// which file).
    /// </summary>
    public IDisposable Summarise<T>(DbContext context)
    {
        var state = StateOf(context);
        state.Summarised.Add(typeof(T));
        return new Scope(() => state.Summarised.Remove(typeof(T)));
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }

    private void Capture(DbContext? context)
    {
        if (context is null || StateOf(context) is not { WritingPending: false } state)
        {
            return;
        }

        state.Pending.Clear();
        context.ChangeTracker.DetectChanges();
        var user = httpContextAccessor.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = user?.Identity?.Name;
        int? organizationId = int.TryParse(user?.FindFirstValue(AppClaims.OrganizationId), out var org) ? org : null;
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit log is append-only.");
                }

                continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || SkippedEntityTypes.Contains(entry.Metadata.ClrType.Name)
                || state.Summarised.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var audit = new AuditEntry
            {
                AtUtc = now,
                UserId = userId,
                UserName = userName,
                OrganizationId = organizationId,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State switch
                {
                    EntityState.Added => "Created",
                    EntityState.Deleted => "Deleted",
                    _ => "Updated",
                },
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
            };

            state.Pending.Add((audit, entry, entry.State == EntityState.Added));
        }
    }

    /// <summary>Audit rows that failed to save are dropped with the rolled-back change, never retried by a later save.</summary>
    private static void ForgetUnwritten(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The state whose pending rows were added to the context (to be saved now); null when there were none.</summary>
    private State? AddPending(DbContext? context)
    {
        if (context is null || StateOf(context) is not { WritingPending: false, Pending.Count: > 0 } state)
        {
            return null;
        }

        foreach (var (audit, source, created) in state.Pending)
        {
            if (created)
            {
                audit.EntityId = KeyOf(source);
                audit.Changes = JsonSerializer.Serialize(Describe(source, created: true), JsonOptions);
            }

            context.Set<AuditEntry>().Add(audit);
        }

        state.Pending.Clear();
        state.WritingPending = true;
        return state;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Dictionary<string, object?[]> Describe(EntityEntry entry, bool created = false)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (HiddenProperties.Contains(name))
            {
                if (entry.State == EntityState.Modified && property.IsModified)
                {
                    changes[name] = ["***", "***"];
                }

                continue;
            }

            switch (created ? EntityState.Added : entry.State)
            {
                case EntityState.Added:
                    changes[name] = [null, property.CurrentValue];
                    break;
                case EntityState.Deleted:
                    changes[name] = [property.OriginalValue, null];
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        changes[name] = [property.OriginalValue, property.CurrentValue];
                    }

                    break;
            }
        }

        return changes;
    }
}
