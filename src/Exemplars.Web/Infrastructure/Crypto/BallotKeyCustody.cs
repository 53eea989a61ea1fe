using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Crypto;

/// <summary>
/// The only place key shares live on the server (ADR 006): the shares waiting for their trustee to take them (dropped
/// once the trustee says they are kept), and the shares trustees have entered to close a ballot (dropped once it is
/// closed). They are rows of <c>ballot_key_custody</c> that every instance reads (issue 18), each sealed with AES-GCM
/// under the <see cref="BallotCustodyKey"/>, which is never in the database, with the ballot, the purpose and the holder
/// bound as associated data (a row copied to another ballot or trustee does not open). A row that does not open under
/// this instance's key — sealed under a key lost at a restart, or another deployment's — is treated as absent and
/// deleted: trustees not yet served must have the ballot opened again, trustees who entered a share enter it again.
/// </summary>
public sealed class BallotKeyCustody(AppDbContext db, BallotCustodyKey key)
{
    private const string ToHandOut = "handout";
    private const string Entered = "entered";

    /// <summary>Adds the share waiting for its trustee to the context; it is saved with the caller's changes (the opening).</summary>
    public void HandOut(int ballotId, string userId, KeyShare share) =>
        db.SealedShares.Add(new SealedShare { BallotId = ballotId, Purpose = ToHandOut, Holder = userId, Sealed = key.Seal(share, Bound(ballotId, ToHandOut, userId)) });

    public async Task<KeyShare?> WaitingAsync(int ballotId, string userId, CancellationToken cancellationToken = default) =>
        (await OpenAsync(ballotId, ToHandOut, userId, cancellationToken)).SingleOrDefault();

    public Task KeptAsync(int ballotId, string userId, CancellationToken cancellationToken = default) =>
        db.SealedShares.Where(s => s.BallotId == ballotId && s.Purpose == ToHandOut && s.Holder == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Adds a checked share for closing and returns every share entered so far for the ballot. Call it holding the
    /// ballot's row lock in a transaction, so that two instances entering at once each see the other's share.
    /// </summary>
    public async Task<IReadOnlyCollection<KeyShare>> EnterAsync(KeyShare share, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(share);
        var holder = share.Index.ToString(CultureInfo.InvariantCulture);
        await db.SealedShares.Where(s => s.BallotId == share.BallotId && s.Purpose == Entered && s.Holder == holder).ExecuteDeleteAsync(cancellationToken);
        var row = new SealedShare { BallotId = share.BallotId, Purpose = Entered, Holder = holder, Sealed = key.Seal(share, Bound(share.BallotId, Entered, holder)) };
        db.SealedShares.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
        return await OpenAsync(share.BallotId, Entered, null, cancellationToken);
    }

    public async Task<IReadOnlyCollection<int>> EnteredIndexesAsync(int ballotId, CancellationToken cancellationToken = default) =>
        [.. (await OpenAsync(ballotId, Entered, null, cancellationToken)).Select(s => s.Index)];

    /// <summary>Forgets everything about a ballot's key.</summary>
    public Task ForgetAsync(int ballotId, CancellationToken cancellationToken = default) =>
        db.SealedShares.Where(s => s.BallotId == ballotId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The rows' shares that open under this instance's key; the others are deleted.</summary>
    private async Task<List<KeyShare>> OpenAsync(int ballotId, string purpose, string? holder, CancellationToken cancellationToken)
    {
        var rows = await db.SealedShares.AsNoTracking()
            .Where(s => s.BallotId == ballotId && s.Purpose == purpose && (holder == null || s.Holder == holder))
            .ToListAsync(cancellationToken);
        var shares = new List<KeyShare>();
        foreach (var row in rows)
        {
            if (key.Open(row.Sealed, ballotId, Bound(ballotId, purpose, row.Holder)) is { } share
                && (purpose != Entered || share.Index.ToString(CultureInfo.InvariantCulture) == row.Holder))
            {
                shares.Add(share);
            }
            else
            {
                await db.SealedShares.Where(s => s.BallotId == ballotId && s.Purpose == purpose && s.Holder == row.Holder && s.Sealed == row.Sealed).ExecuteDeleteAsync(cancellationToken);
            }
        }

        return shares;
    }

    private static byte[] Bound(int ballotId, string purpose, string holder) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"exemplars ballot key share\n{ballotId}\n{purpose}\n{holder}"));
}

/// <summary>
/// The key that seals the ballot key shares the server holds (ADR 006, issue 18): <c>Ballots:CustodyKey</c>, 32 bytes in
/// base64, shared by the instances of one deployment and kept out of the database and of git (an environment variable
/// or a secret store); without it, a random key drawn when the process starts, so a single instance behaves as it
/// always did — a restart forgets the shares. A configured key of the wrong form stops the start.
/// </summary>
public sealed class BallotCustodyKey
{
    public const string Setting = "Ballots:CustodyKey";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int PlainSize = 4 + 32;

    private readonly byte[] _key;

    public BallotCustodyKey(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (DatabaseSetup.Clustered(configuration))
            {
                // Each instance would draw its own key and treat (and delete) the others' sealed shares as unreadable.
                throw new InvalidOperationException($"{Setting}: khi nhiều bản chạy dùng chung cơ sở dữ liệu (Cluster:Enabled=true), mọi bản phải đặt cùng một khóa niêm phong mảnh khóa bỏ phiếu (32 byte base64, ví dụ `openssl rand -base64 32`).");
            }

            _key = RandomNumberGenerator.GetBytes(32);
            Configured = false;
            return;
        }

        byte[]? key = null;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException)
        {
        }

        if (key is not { Length: 32 })
        {
            throw new InvalidOperationException($"{Setting}: khóa phải là 32 byte ngẫu nhiên viết bằng base64 (44 ký tự, ví dụ từ `openssl rand -base64 32`); giá trị đã đặt không đúng.");
        }

        _key = key;
        Configured = true;
    }

    /// <summary>True when the key comes from configuration (instances can share it); false when drawn at start.</summary>
    public bool Configured { get; }

    /// <summary>nonce ‖ ciphertext ‖ tag of the share's index and value.</summary>
    public byte[] Seal(KeyShare share, byte[] associatedData)
    {
        ArgumentNullException.ThrowIfNull(share);
        var plain = new byte[PlainSize];
        try
        {
            BinaryPrimitives.WriteInt32BigEndian(plain, share.Index);
            Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, share.Value).CopyTo(plain, 4);
            var sealedBytes = new byte[NonceSize + PlainSize + TagSize];
            var nonce = sealedBytes.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(_key, TagSize);
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, PlainSize), sealedBytes.AsSpan(NonceSize + PlainSize), associatedData);
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The share, or null when the bytes were not sealed under this key for this ballot, purpose and holder.</summary>
    public KeyShare? Open(byte[] sealedBytes, int ballotId, byte[] associatedData)
    {
        if (sealedBytes is not { Length: NonceSize + PlainSize + TagSize })
        {
            return null;
        }

        var plain = new byte[PlainSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, PlainSize), sealedBytes.AsSpan(NonceSize + PlainSize), plain, associatedData);
            var index = BinaryPrimitives.ReadInt32BigEndian(plain);
            return new KeyShare(ballotId, index, new Org.BouncyCastle.Math.BigInteger(1, plain, 4, 32));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

/// <summary>One sealed key share the server holds (ADR 006): waiting for its trustee, or entered for closing.</summary>
public sealed class SealedShare
{
    public const int MaxSealed = 12 + 36 + 16;

    public int BallotId { get; set; }

    /// <summary>"handout" (waiting for its trustee) or "entered" (entered to close the ballot).</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The trustee's user id (waiting) or the share's index (entered).</summary>
    public string Holder { get; set; } = "";

    public byte[] Sealed { get; set; } = [];
}
