namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Slows password guessing without letting anyone lock a member out (issue 15, ADR 018). Failures are counted per
/// account <em>and</em> client address: after <see cref="FreeFailures"/> in a row, that pair pauses for one minute, then
/// two, four, eight, at most fifteen for each further failure, and a success clears it. The account itself is never
/// locked, so a stranger guessing from elsewhere does not keep its owner out. An address that fails more than
/// <c>SignIn:AddressFailuresPer15Minutes</c> times (default 50) across any accounts pauses for the rest of that window.
/// Kept in memory per instance (issue 18 moves it to shared storage).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    public const int FreeFailures = 5;
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forget = TimeSpan.FromHours(24);

    private readonly int _addressLimit = configuration.GetValue("SignIn:AddressFailuresPer15Minutes", 50);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Address), PairState> _pairs = [];
    private readonly Dictionary<string, AddressState> _addresses = new(StringComparer.Ordinal);

    /// <summary>How long this account may not be tried from this address; zero when it may.</summary>
    public TimeSpan PauseLeft(string account, string address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var left = TimeSpan.Zero;
            if (_pairs.TryGetValue((Key(account), address), out var pair) && pair.Until > now)
            {
                left = pair.Until - now;
            }

            if (_addresses.TryGetValue(address, out var seen) && seen.Until > now && seen.Until - now > left)
            {
                left = seen.Until - now;
            }

            return left;
        }
    }

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            var key = (Key(account), address);
            var failures = _pairs.TryGetValue(key, out var pair) && now - pair.Last < Forget ? pair.Failures + 1 : 1;
            var until = failures < FreeFailures ? now : now + Pause(failures);
            _pairs[key] = new PairState(failures, until, now);

            var seen = _addresses.TryGetValue(address, out var state) && now - state.Start < AddressWindow ? state : new AddressState(now, 0, now);
            var count = seen.Failures + 1;
            _addresses[address] = new AddressState(seen.Start, count, count > _addressLimit ? seen.Start + AddressWindow : seen.Until);
        }
    }

    public void Succeeded(string account, string address)
    {
        lock (_gate)
        {
            _pairs.Remove((Key(account), address));
        }
    }

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

    private static string Key(string account) => account.Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        if (_pairs.Count + _addresses.Count < MaxEntries)
        {
            return;
        }

        foreach (var key in _pairs.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
        {
            _pairs.Remove(key);
        }

        foreach (var key in _addresses.Where(a => a.Value.Until <= now && now - a.Value.Start >= AddressWindow).Select(a => a.Key).ToList())
        {
            _addresses.Remove(key);
        }
    }

    private readonly record struct PairState(int Failures, DateTimeOffset Until, DateTimeOffset Last);

    private readonly record struct AddressState(DateTimeOffset Start, int Failures, DateTimeOffset Until);
}
