using System.Collections.Concurrent;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// What <see cref="CurrentUserMiddleware"/> needs of a signed-in user (activity, security stamp, role, organisation),
/// kept in memory so it is not read from the database on every request (issue 14). Emptied whenever this app saves a
/// user or an organisation (<see cref="ChangeWatchInterceptor"/>), so a deactivation, a new password, a new role or
/// a moved organisation counts from the next request; an entry is at most <see cref="MaxAge"/> old, which bounds how long
/// a change made by another instance of the app, or directly in the database, takes to count.
/// </summary>
public sealed class SignedInUserCache(TimeProvider clock) : IWatchesChanges
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    public sealed record Entry(string Email, string FullName, string Role, bool IsActive, string? SecurityStamp, int OrganizationId, string OrganizationName, string OrganizationPath, bool TwoFactorEnabled, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _reads;

    /// <summary>Reads that went to the database (a cache miss); for tests and diagnostics.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Taken before reading the database; an entry read under an older generation is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public Entry? Find(string userId)
    {
        if (_entries.TryGetValue(userId, out var entry))
        {
            if (clock.GetUtcNow() - entry.ReadAt < MaxAge)
            {
                return entry;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(userId, entry));
        }

        return null;
    }

    /// <summary>Keeps what was read, unless users or organisations were saved since <paramref name="generation"/> was taken.</summary>
    public void Keep(string userId, Entry entry, long generation)
    {
        Interlocked.Increment(ref _reads);
        if (generation == Generation)
        {
            _entries[userId] = entry;
            if (generation != Generation)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(userId, entry));
            }
        }
    }

    public bool Concerns(Type entityType) => entityType == typeof(AppUser) || entityType == typeof(Organization);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
