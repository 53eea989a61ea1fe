namespace Exemplars.Domain.Ballots;

/// <summary>
/// The ballot box: one encrypted mark (1 = Đồng ý, 0 = Không đồng ý) for one candidate, as an exponential-ElGamal
/// ciphertext with fresh randomness, under a random key and with nothing about the voter or the time.
/// </summary>
public sealed class BallotVote
{
    public Guid Id { get; set; }

    public int BallotId { get; set; }

    public int NominationId { get; set; }

    public byte[] Ciphertext { get; set; } = [];
}
