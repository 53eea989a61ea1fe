using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// The per-address limits' counters in the database, so every instance counts the same events (issue 18, ADR 018).
/// A change is a compare-and-swap: read the row, apply a pure rule, write the result only if nobody wrote the row in
/// between (its version, or its absence for a new row — the key is the primary key), else read again. Two instances
/// racing therefore never both pass a limit. Rows past their expiry are deleted whenever a new row is written.
/// </summary>
public sealed class RateCounters(AppDbContext db)
{
    private const int Attempts = 200;

    /// <summary>The counter's key: readable when short, else its prefix and a hash (an account name can be long).</summary>
    public static string Key(string prefix, string value)
    {
        var key = prefix + ":" + value;
        return key.Length <= RateCounter.MaxKey
            ? key
            : prefix + ":#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    public async Task<IReadOnlyList<RateCounter>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        await db.Set<RateCounter>().AsNoTracking().Where(c => keys.Contains(c.Key)).ToListAsync(cancellationToken);

    /// <summary>Applies <paramref name="rule"/> to the counter (null when there is none) atomically; returns what was written.</summary>
    public async Task<RateCounter> ChangeAsync(string key, Func<RateCounter?, RateCounter> rule, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var old = await db.Set<RateCounter>().AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, cancellationToken);
            var next = rule(old);
            next.Key = key;
            if (old is null)
            {
                await db.Set<RateCounter>().Where(c => c.Expires < next.Last).ExecuteDeleteAsync(cancellationToken);
                next.Version = 1;
                var inserted = await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO rate_counters ("Key", "WindowStart", "Count", "Until", "Last", "Expires", "Version") VALUES ({key}, {next.WindowStart}, {next.Count}, {next.Until}, {next.Last}, {next.Expires}, {next.Version}) ON CONFLICT ("Key") DO NOTHING""",
                    cancellationToken);
                if (inserted == 1)
                {
                    return next;
                }

                continue;
            }

            next.Version = old.Version + 1;
            var swapped = await db.Set<RateCounter>().Where(c => c.Key == key && c.Version == old.Version).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.WindowStart, next.WindowStart)
                .SetProperty(c => c.Count, next.Count)
                .SetProperty(c => c.Until, next.Until)
                .SetProperty(c => c.Last, next.Last)
                .SetProperty(c => c.Expires, next.Expires)
                .SetProperty(c => c.Version, next.Version), cancellationToken);
            if (swapped == 1)
            {
                return next;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
        }

        throw new InvalidOperationException($"The counter {key} kept changing under {Attempts} attempts.");
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        db.Set<RateCounter>().Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);
}
