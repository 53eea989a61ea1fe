using Exemplars.Web.Infrastructure.Crypto;

namespace Exemplars.Web.Tests;

/// <summary>The ballot cryptography on its own: homomorphic sums, t-of-n key sharing, and wrong shares refused.</summary>
public sealed class BallotCryptoTests
{
    [Fact]
    public void The_sum_of_encrypted_marks_decrypts_to_the_number_of_approvals_and_equal_marks_never_look_alike()
    {
        var (key, publicKey) = ExponentialElGamal.GenerateKeyPair();
        int[] marks = [1, 0, 1, 1, 0, 1, 1, 0, 1];
        var ciphertexts = marks.Select(m => ExponentialElGamal.Encrypt(publicKey, m)).ToList();
        Assert.All(ciphertexts, c => Assert.Equal(ExponentialElGamal.CiphertextLength, c.Length));
        Assert.Equal(ciphertexts.Count, ciphertexts.Select(Convert.ToHexString).Distinct().Count());
        Assert.NotEqual(ExponentialElGamal.Encrypt(publicKey, 1), ExponentialElGamal.Encrypt(publicKey, 1));
        Assert.Equal(6, ExponentialElGamal.DecryptTotal(key, ExponentialElGamal.Sum(ciphertexts), marks.Length));
        Assert.Equal(0, ExponentialElGamal.DecryptTotal(key, ExponentialElGamal.Sum([ExponentialElGamal.Encrypt(publicKey, 0), ExponentialElGamal.Encrypt(publicKey, 0)]), 2));
        Assert.Equal(0, ExponentialElGamal.DecryptTotal(key, ExponentialElGamal.Sum([]), 0));

        // Another key cannot read the total.
        var (other, _) = ExponentialElGamal.GenerateKeyPair();
        Assert.Throws<InvalidOperationException>(() => ExponentialElGamal.DecryptTotal(other, ExponentialElGamal.Sum(ciphertexts), marks.Length));
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    [InlineData(1, 1)]
    public void Any_threshold_of_shares_rebuilds_the_key_and_fewer_do_not(int threshold, int count)
    {
        var (key, publicKey) = ExponentialElGamal.GenerateKeyPair();
        var shares = SecretSharing.Split(7, key, threshold, count);
        Assert.Equal(count, shares.Count);
        foreach (var subset in Subsets(shares, threshold))
        {
            Assert.Equal(key, SecretSharing.Combine(subset));
            Assert.Equal(publicKey, ExponentialElGamal.PublicPoint(SecretSharing.Combine(subset)));
        }

        if (threshold > 1)
        {
            Assert.All(Subsets(shares, threshold - 1), subset => Assert.NotEqual(key, SecretSharing.Combine(subset)));
        }
    }

    [Fact]
    public void A_share_reads_back_from_its_text_and_a_wrong_or_altered_share_is_detected()
    {
        var (key, _) = ExponentialElGamal.GenerateKeyPair();
        var shares = SecretSharing.Split(42, key, 2, 3);
        var checks = shares.Select(s => ExponentialElGamal.PublicPoint(s.Value)).ToList();
        var text = shares[1].ToText();
        Assert.StartsWith("PK-42-2-", text, StringComparison.Ordinal);
        var typed = KeyShare.Parse("  " + text.ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal) + "\n");
        Assert.Equal(shares[1], typed);
        Assert.True(SecretSharing.Matches(typed!, checks[1]));
        Assert.False(SecretSharing.Matches(shares[0], checks[1]));

        var altered = text[..^1] + (text[^1] == '0' ? '1' : '0');
        Assert.False(SecretSharing.Matches(KeyShare.Parse(altered)!, checks[1]));
        Assert.Null(KeyShare.Parse("PK-42-2-1234"));
        Assert.Null(KeyShare.Parse("không phải mảnh khóa"));
        Assert.Null(KeyShare.Parse(null));
    }

    private static IEnumerable<List<KeyShare>> Subsets(IReadOnlyList<KeyShare> shares, int size) =>
        size == 0 ? [[]] : shares.SelectMany((s, i) => Subsets(shares.Skip(i + 1).ToList(), size - 1).Select(rest => (List<KeyShare>)[s, .. rest]));
}
