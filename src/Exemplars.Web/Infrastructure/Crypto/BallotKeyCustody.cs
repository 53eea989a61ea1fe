using System.Collections.Concurrent;

namespace Exemplars.Web.Infrastructure.Crypto;

/// <summary>
/// The only place key shares live on the server, in memory and never in the database or a log: the shares waiting for
/// their trustee to take them (dropped once the trustee says they are kept), and the shares trustees have entered to
/// close a ballot (dropped once it is closed). A restart forgets both: trustees not yet served must have the ballot
/// opened again, trustees who entered a share enter it again.
/// </summary>
public sealed class BallotKeyCustody
{
    private readonly ConcurrentDictionary<(int BallotId, string UserId), KeyShare> _toHandOut = new();
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<int, KeyShare>> _entered = new();

    public void HandOut(int ballotId, string userId, KeyShare share) => _toHandOut[(ballotId, userId)] = share;

    public KeyShare? Waiting(int ballotId, string userId) => _toHandOut.TryGetValue((ballotId, userId), out var share) ? share : null;

    public void Kept(int ballotId, string userId) => _toHandOut.TryRemove((ballotId, userId), out _);

    /// <summary>Adds a checked share for closing and returns every share entered so far for the ballot.</summary>
    public IReadOnlyCollection<KeyShare> Enter(KeyShare share)
    {
        var shares = _entered.GetOrAdd(share.BallotId, _ => new ConcurrentDictionary<int, KeyShare>());
        shares[share.Index] = share;
        return [.. shares.Values];
    }

    public IReadOnlyCollection<int> EnteredIndexes(int ballotId) => _entered.TryGetValue(ballotId, out var shares) ? [.. shares.Keys] : [];

    /// <summary>Forgets everything about a closed ballot's key.</summary>
    public void Forget(int ballotId)
    {
        _entered.TryRemove(ballotId, out _);
        foreach (var key in _toHandOut.Keys.Where(k => k.BallotId == ballotId))
        {
            _toHandOut.TryRemove(key, out _);
        }
    }
}
