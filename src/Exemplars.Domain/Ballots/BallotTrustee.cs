namespace Exemplars.Domain.Ballots;

/// <summary>
/// A member of the ballot-count committee (Ban kiểm phiếu) holding one share of the ballot's private key. The share
/// itself is never stored: only <see cref="ShareCheck"/>, the public point share·G, so a wrong share is refused at closing.
/// </summary>
public sealed class BallotTrustee
{
    public int Id { get; set; }

    public int BallotId { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>The share's x-coordinate (1 … number of trustees).</summary>
    public int ShareIndex { get; set; }

    public byte[] ShareCheck { get; set; } = [];

    /// <summary>The trustee confirmed they keep their share; the server dropped its copy.</summary>
    public bool ShareKept { get; set; }
}
