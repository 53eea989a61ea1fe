using System.Globalization;
using System.Text;
using Org.BouncyCastle.Math;

namespace Exemplars.Web.Infrastructure.Crypto;

/// <summary>One trustee's share of a ballot's private key: the point (Index, Value) of the sharing polynomial.</summary>
public sealed record KeyShare(int BallotId, int Index, BigInteger Value)
{
    /// <summary>What the trustee keeps: "PK-{ballot}-{index}-" then the value as 64 hex digits in groups of 8.</summary>
    public string ToText()
    {
        var hex = Convert.ToHexString(Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, Value));
        var groups = Enumerable.Range(0, 8).Select(i => hex.Substring(i * 8, 8));
        return string.Create(CultureInfo.InvariantCulture, $"PK-{BallotId}-{Index}-{string.Join('-', groups)}");
    }

    /// <summary>Reads a share typed or pasted back (spaces, line breaks and case do not matter); null when it is not one.</summary>
    public static KeyShare? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return null;
        }

        var compact = new StringBuilder();
        foreach (var ch in text.Trim())
        {
            if (!char.IsWhiteSpace(ch))
            {
                compact.Append(char.ToUpperInvariant(ch));
            }
        }

        var parts = compact.ToString().Split('-');
        if (parts.Length < 4 || parts[0] != "PK"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ballotId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
        {
            return null;
        }

        var hex = string.Concat(parts.Skip(3));
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            return null;
        }

        var value = new BigInteger(1, Convert.FromHexString(hex));
        return value.SignValue > 0 && value.CompareTo(ExponentialElGamal.Order) < 0 ? new KeyShare(ballotId, index, value) : null;
    }
}

/// <summary>
/// Shamir's secret sharing over the group order n: the secret is f(0) of a random polynomial of degree t−1, trustee i
/// holds f(i). Any t shares give the secret back by Lagrange interpolation at 0; fewer than t say nothing about it.
/// </summary>
public static class SecretSharing
{
    public static IReadOnlyList<KeyShare> Split(int ballotId, BigInteger secret, int threshold, int count)
    {
        if (threshold < 1 || count < threshold)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "1 ≤ threshold ≤ count.");
        }

        var n = ExponentialElGamal.Order;
        var coefficients = new List<BigInteger> { secret };
        for (var j = 1; j < threshold; j++)
        {
            coefficients.Add(ExponentialElGamal.RandomScalar());
        }

        var shares = new List<KeyShare>();
        for (var i = 1; i <= count; i++)
        {
            var x = BigInteger.ValueOf(i);
            var y = BigInteger.Zero;
            for (var j = coefficients.Count - 1; j >= 0; j--)
            {
                y = y.Multiply(x).Add(coefficients[j]).Mod(n);
            }

            shares.Add(new KeyShare(ballotId, i, y));
        }

        return shares;
    }

    /// <summary>The secret from distinct shares (the caller checks there are at least the threshold).</summary>
    public static BigInteger Combine(IReadOnlyCollection<KeyShare> shares)
    {
        var n = ExponentialElGamal.Order;
        var secret = BigInteger.Zero;
        foreach (var share in shares)
        {
            var numerator = BigInteger.One;
            var denominator = BigInteger.One;
            foreach (var other in shares.Where(o => o.Index != share.Index))
            {
                numerator = numerator.Multiply(BigInteger.ValueOf(-other.Index)).Mod(n);
                denominator = denominator.Multiply(BigInteger.ValueOf(share.Index - other.Index)).Mod(n);
            }

            secret = secret.Add(share.Value.Multiply(numerator).Multiply(denominator.ModInverse(n))).Mod(n);
        }

        return secret;
    }

    /// <summary>Whether a share is the one handed out: its public check f(i)·G was stored at opening, the share never was.</summary>
    public static bool Matches(KeyShare share, byte[] publicCheck) =>
        ExponentialElGamal.PublicPoint(share.Value).AsSpan().SequenceEqual(publicCheck);
}
