using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Slows password guessing without letting anyone lock a member out (issue 15, ADR 018). Failures are counted per
/// account <em>and</em> client address: after <see cref="FreeFailures"/> in a row, that pair pauses for one minute, then
/// two, four, eight, at most fifteen for each further failure, and a success clears it. The account itself is never
/// locked, so a stranger guessing from elsewhere does not keep its owner out. An address that fails more than
/// <c>SignIn:AddressFailuresPer15Minutes</c> times (default 50) across any accounts pauses for the rest of that window.
/// The counters live in the database (<see cref="RateCounters"/>), so every instance sees the same failures (issue 18);
/// the rules below are pure.
/// </summary>
public sealed class SignInThrottle(RateCounters counters, TimeProvider clock, IConfiguration configuration)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forget = TimeSpan.FromHours(24);

    private readonly int _addressLimit = configuration.GetValue("SignIn:AddressFailuresPer15Minutes", 50);

    /// <summary>How long this account may not be tried from this address; zero when it may.</summary>
    public async Task<TimeSpan> PauseLeftAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var rows = await counters.ReadAsync([PairKey(account, address), AddressKey(address)], cancellationToken);
        var until = rows.Select(r => r.Until).DefaultIfEmpty(now).Max();
        return until > now ? TimeSpan.FromTicks(until - now) : TimeSpan.Zero;
    }

    public async Task FailedAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        await counters.ChangeAsync(PairKey(account, address), pair => PairFailed(pair, now), cancellationToken);
        await counters.ChangeAsync(AddressKey(address), seen => AddressFailed(seen, now, _addressLimit), cancellationToken);
    }

    public Task SucceededAsync(string account, string address, CancellationToken cancellationToken = default) =>
        counters.DeleteAsync(PairKey(account, address), cancellationToken);

    /// <summary>The pause after the given number of failures in a row: 1, 2, 4, 8 minutes, then 15.</summary>
    public static TimeSpan Pause(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 10);
        var pause = FirstPause * (1 << doublings);
        return pause < LongestPause ? pause : LongestPause;
    }

    /// <summary>A pair's failure: one more in a row unless the last was a day ago; paused from the fifth.</summary>
    public static RateCounter PairFailed(RateCounter? pair, long now)
    {
        var failures = pair is not null && now - pair.Last < Forget.Ticks ? pair.Count + 1 : 1;
        return new RateCounter { WindowStart = pair?.WindowStart ?? now, Count = failures, Until = now + Pause(failures).Ticks, Last = now, Expires = now + Forget.Ticks };
    }

    /// <summary>An address's failure: counted in its 15-minute window; beyond the limit it pauses to the window's end.</summary>
    public static RateCounter AddressFailed(RateCounter? seen, long now, int limit)
    {
        var current = RateCounter.InWindow(seen, now, AddressWindow);
        var start = current?.WindowStart ?? now;
        var count = (current?.Count ?? 0) + 1;
        var until = count > limit ? start + AddressWindow.Ticks : current?.Until ?? now;
        return new RateCounter { WindowStart = start, Count = count, Until = until, Last = now, Expires = start + AddressWindow.Ticks };
    }

    private static string PairKey(string account, string address) => RateCounters.Key("signin", account.Trim().ToUpperInvariant() + " " + address);

    private static string AddressKey(string address) => RateCounters.Key("signin-address", address);
}
