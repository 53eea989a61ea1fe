using Exemplars.Domain.Ballots;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// State every app instance must see the same (issue 18): the per-address limits' counters (<see cref="RateCounter"/>)
/// and the ballot key shares waiting on the server, sealed (<see cref="Crypto.SealedShare"/>, ADR 006). Neither is
/// audited: they are the running of sign-in, comments and ballots, not anyone's decision.
/// </summary>
public static class SharedStateModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RateCounter>(e =>
        {
            e.ToTable("rate_counters");
            e.HasKey(c => c.Key);
            e.Property(c => c.Key).HasMaxLength(RateCounter.MaxKey);
            e.HasIndex(c => c.Expires);
        });
        builder.Entity<Crypto.SealedShare>(e =>
        {
            e.ToTable("ballot_key_custody");
            e.HasKey(s => new { s.BallotId, s.Purpose, s.Holder });
            e.Property(s => s.Purpose).HasMaxLength(10);
            e.Property(s => s.Holder).HasMaxLength(450);
            e.Property(s => s.Sealed).HasMaxLength(Crypto.SealedShare.MaxSealed).IsRequired();
            e.HasOne<Ballot>().WithMany().HasForeignKey(s => s.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>
/// One counter of a per-address limit, shared by every instance. Times are UTC ticks so that both databases compare
/// them as plain numbers. Written only by <see cref="RateCounters"/>, which swaps a row only if its
/// <see cref="Version"/> is still the one it read.
/// </summary>
public sealed class RateCounter
{
    public const int MaxKey = 300;

    public string Key { get; set; } = "";

    /// <summary>When the counter's window began.</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>Paused until then (a sign-in pause); not used by a plain window count.</summary>
    public long Until { get; set; }

    /// <summary>The latest event counted.</summary>
    public long Last { get; set; }

    /// <summary>After this the row means nothing and is deleted.</summary>
    public long Expires { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// The counter when its window of <paramref name="window"/> still runs at <paramref name="now"/>, else null (a new
    /// window). A start a moment ahead of <paramref name="now"/> is the same window: another instance read its clock later.
    /// </summary>
    public static RateCounter? InWindow(RateCounter? seen, long now, TimeSpan window) =>
        seen is not null && now - seen.WindowStart < window.Ticks ? seen : null;
}
