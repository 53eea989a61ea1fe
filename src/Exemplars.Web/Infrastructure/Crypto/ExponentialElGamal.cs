using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Exemplars.Web.Infrastructure.Crypto;

/// <summary>
/// Exponential ElGamal on NIST P-256 (BouncyCastle): a choice m ∈ {0, 1} is encrypted as (rG, mG + rY) with fresh r, so
/// ciphertexts of the same choice look unrelated (semantic security under DDH) and ciphertexts add up: the sum of the
/// papers' ciphertexts for one candidate encrypts the number of approvals, which is read back by a small discrete log
/// (0 … number of voters). Only the totals are ever decrypted.
/// </summary>
public static class ExponentialElGamal
{
    /// <summary>Two compressed points of 33 bytes each.</summary>
    public const int CiphertextLength = 66;

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("P-256");

    private static readonly SecureRandom Random = new();

    public static BigInteger Order => Curve.N;

    public static ECPoint Generator => Curve.G;

    /// <summary>A fresh private key x (uniform in [1, n−1]) and its public key xG, compressed.</summary>
    public static (BigInteger PrivateKey, byte[] PublicKey) GenerateKeyPair()
    {
        var x = RandomScalar();
        return (x, PublicPoint(x));
    }

    public static BigInteger RandomScalar() => BigIntegers.CreateRandomInRange(BigInteger.One, Order.Subtract(BigInteger.One), Random);

    /// <summary>sG, compressed: the public key of a private key, or the public check of a key share.</summary>
    public static byte[] PublicPoint(BigInteger scalar) => Generator.Multiply(scalar).Normalize().GetEncoded(true);

    public static byte[] Encrypt(byte[] publicKey, int message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(message);
        var y = Curve.Curve.DecodePoint(publicKey);
        var r = RandomScalar();
        var a = Generator.Multiply(r);
        var b = y.Multiply(r);
        if (message > 0)
        {
            b = b.Add(Generator.Multiply(BigInteger.ValueOf(message)));
        }

        return [.. a.Normalize().GetEncoded(true), .. b.Normalize().GetEncoded(true)];
    }

    /// <summary>The homomorphic sum: a ciphertext of the sum of the messages. Kept as points in memory (a partial sum may be the point at infinity).</summary>
    public static (ECPoint A, ECPoint B) Sum(IEnumerable<byte[]> ciphertexts)
    {
        var a = Curve.Curve.Infinity;
        var b = Curve.Curve.Infinity;
        foreach (var c in ciphertexts)
        {
            if (c.Length != CiphertextLength)
            {
                throw new ArgumentException("A ballot ciphertext has 66 bytes.", nameof(ciphertexts));
            }

            a = a.Add(Curve.Curve.DecodePoint(c[..33]));
            b = b.Add(Curve.Curve.DecodePoint(c[33..]));
        }

        return (a, b);
    }

    /// <summary>Decrypts a sum known to lie in [0, max]: M = B − xA, then the small m with mG = M. Throws when none fits.</summary>
    public static int DecryptTotal(BigInteger privateKey, (ECPoint A, ECPoint B) sum, int max)
    {
        var target = sum.B.Subtract(sum.A.Multiply(privateKey)).Normalize();
        var candidate = Curve.Curve.Infinity;
        for (var m = 0; m <= max; m++)
        {
            if (candidate.Normalize().Equals(target))
            {
                return m;
            }

            candidate = candidate.Add(Generator);
        }

        throw new InvalidOperationException("The total is out of range: the key does not match the ballot.");
    }
}
