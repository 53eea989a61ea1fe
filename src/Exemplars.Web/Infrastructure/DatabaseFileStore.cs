using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Exemplars.Web.Infrastructure;

/// <summary>
/// The file store in the app's database (<c>Storage:Backend</c> = <c>Database</c>), so every instance behind the proxy
/// reaches the same files (issue 18). Same addresses as the folder store (<c>sha256/ab/cdef…</c>); the bytes are kept in
/// parts of <see cref="PartSize"/> bytes (<c>stored_file_parts</c>) under one row per file (<c>stored_files</c>), written
/// in one transaction: a reader never sees half a file, and of two parallel puts of the same bytes one inserts the row
/// and the other finds it there and only touches it. <see cref="Open"/> reads one part at a time, each with its own
/// short query on a pooled connection, so a download never holds the whole file in memory nor a connection between
/// reads, and the stream may outlive the request's scope. The store is a singleton with its own connections (plain
/// ADO.NET, the same SQL on SQLite and PostgreSQL); rows and parts are bytes, not decisions, and are not audited.
/// </summary>
public sealed class DatabaseFileStore
    : IFileStore
{
    /// <summary>Bytes per part: a read holds at most one part in memory.</summary>
    public const int PartSize = 256 * 1024;

    private const string Files = "\"" + StoredFileModel.FilesTable + "\"";
    private const string Parts = "\"" + StoredFileModel.PartsTable + "\"";

    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;

    public DatabaseFileStore(IConfiguration configuration)
    {
        _provider = DatabaseSetup.Provider(configuration);
        _connectionString = DatabaseSetup.ConnectionString(configuration);
    }

    public async Task<StoredBlob> PutAsync(byte[] content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var address = FileStorage.AddressOf(sha);
        await using var input = new MemoryStream(content, writable: false);
        await WriteAsync(address, input, cancellationToken);
        return new StoredBlob(address, sha);
    }

    /// <summary>
    /// Stores the bytes read from <paramref name="content"/> at <paramref name="address"/>, part by part, in one
    /// transaction; when the address is already there nothing is written and its time is touched. Returns the SHA-256 of
    /// the bytes now stored at the address, and whether this call wrote them.
    /// </summary>
    public async Task<(string Sha256, bool Written)> WriteAsync(string address, Stream content, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await WriteAsync(connection, transaction, address, content, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Stores the bytes inside the caller's open transaction on the app's own database (the demo seeding, which writes
    /// everything in one transaction: on SQLite a second connection could not write until it ends). The bytes then
    /// commit or roll back with the rows that reference them.
    /// </summary>
    public async Task<StoredBlob> PutAsync(byte[] content, AppDbContext within, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var address = FileStorage.AddressOf(sha);
        var transaction = within.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("No open transaction to store the file in.");
        await using var input = new MemoryStream(content, writable: false);
        await WriteAsync(within.Database.GetDbConnection(), transaction, address, input, cancellationToken);
        return new StoredBlob(address, sha);
    }

    private static async Task<(string Sha256, bool Written)> WriteAsync(DbConnection connection, DbTransaction transaction, string address, Stream content, CancellationToken cancellationToken)
    {
        await using (var insert = Command(connection, transaction, $"INSERT INTO {Files} (\"Address\", \"Sha256\", \"Size\", \"PartSize\", \"TouchedAtUtc\") VALUES (@a, '', 0, @ps, @t) ON CONFLICT (\"Address\") DO NOTHING",
            ("a", address), ("ps", PartSize), ("t", DateTime.UtcNow)))
        {
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // Already stored (or a parallel put of the same bytes has just committed it): ours is not needed.
                await using var touch = Command(connection, transaction, $"UPDATE {Files} SET \"TouchedAtUtc\" = @t WHERE \"Address\" = @a RETURNING \"Sha256\"", ("a", address), ("t", DateTime.UtcNow));
                return ((string?)await touch.ExecuteScalarAsync(cancellationToken) ?? throw new IOException($"Stored file {address} vanished while being stored again."), false);
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[PartSize];
        long size = 0;
        for (var part = 0; ; part++)
        {
            var read = await content.ReadAtLeastAsync(buffer, PartSize, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            size += read;
            await using var insertPart = Command(connection, transaction, $"INSERT INTO {Parts} (\"Address\", \"Part\", \"Data\") VALUES (@a, @p, @d)",
                ("a", address), ("p", part), ("d", read == PartSize ? buffer : buffer[..read]));
            await insertPart.ExecuteNonQueryAsync(cancellationToken);
            if (read < PartSize)
            {
                break;
            }
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        await using (var complete = Command(connection, transaction, $"UPDATE {Files} SET \"Sha256\" = @s, \"Size\" = @n WHERE \"Address\" = @a", ("a", address), ("s", sha), ("n", size)))
        {
            await complete.ExecuteNonQueryAsync(cancellationToken);
        }

        return (sha, true);
    }

    public Stream Open(string address)
    {
        using var connection = Connect();
        connection.Open();
        using var query = Command(connection, null, $"SELECT \"Size\", \"PartSize\" FROM {Files} WHERE \"Address\" = @a", ("a", address));
        using var reader = query.ExecuteReader();
        return reader.Read()
            ? new DatabaseFileStream(this, address, reader.GetInt64(0), reader.GetInt32(1))
            : throw new FileNotFoundException($"No stored file at {address}.", address);
    }

    public bool Exists(string address) => TouchedAtUtc(address) is not null;

    public DateTime? TouchedAtUtc(string address)
    {
        using var connection = Connect();
        connection.Open();
        using var query = Command(connection, null, $"SELECT \"TouchedAtUtc\" FROM {Files} WHERE \"Address\" = @a", ("a", address));
        using var reader = query.ExecuteReader();
        return reader.Read() ? DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc) : null;
    }

    /// <summary>The content-addressed files, as the folder store lists them (files under a legacy address are never swept).</summary>
    public IEnumerable<(string Address, DateTime TouchedAtUtc)> ListBlobs() =>
        List($"SELECT \"Address\", \"TouchedAtUtc\" FROM {Files} WHERE \"Address\" LIKE '{FileStorage.BlobFolder}/%' ORDER BY \"Address\"");

    /// <summary>Every stored file, content-addressed or legacy, in address order (for a move to another backend).</summary>
    public IEnumerable<(string Address, DateTime TouchedAtUtc)> ListAll() =>
        List($"SELECT \"Address\", \"TouchedAtUtc\" FROM {Files} ORDER BY \"Address\"");

    /// <summary>Nothing is ever half-written outside a transaction, so there are no unfinished uploads to sweep.</summary>
    public IEnumerable<(string Path, DateTime TouchedAtUtc)> ListTemporary() => [];

    public bool Delete(string address)
    {
        try
        {
            using var connection = Connect();
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using (var parts = Command(connection, transaction, $"DELETE FROM {Parts} WHERE \"Address\" = @a", ("a", address)))
            {
                parts.ExecuteNonQuery();
            }

            using var file = Command(connection, transaction, $"DELETE FROM {Files} WHERE \"Address\" = @a", ("a", address));
            var removed = file.ExecuteNonQuery() > 0;
            transaction.Commit();
            return removed;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Stores a small file as an upload is stored and reads its part back, inside a transaction then rolled back.</summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Connect();
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var address = ".probe-" + Guid.NewGuid().ToString("N");
            byte[] written = [0x45, 0x78];
            await using (var input = new MemoryStream(written, writable: false))
            {
                await WriteAsync(connection, transaction, address, input, cancellationToken); // the write path uploads take
            }

            await using var read = Command(connection, transaction, $"SELECT \"Data\" FROM {Parts} WHERE \"Address\" = @a AND \"Part\" = 0", ("a", address));
            var back = await read.ExecuteScalarAsync(cancellationToken) as byte[];
            await transaction.RollbackAsync(cancellationToken);
            return back is not null && back.AsSpan().SequenceEqual(written);
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>One part of a stored file's bytes (its own short query), or an error when the file was removed meanwhile.</summary>
    internal byte[] ReadPart(string address, int part)
    {
        using var connection = Connect();
        connection.Open();
        using var query = PartQuery(connection, address, part);
        return query.ExecuteScalar() as byte[] ?? throw Vanished(address, part);
    }

    /// <inheritdoc cref="ReadPart"/>
    internal async Task<byte[]> ReadPartAsync(string address, int part, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var query = PartQuery(connection, address, part);
        return await query.ExecuteScalarAsync(cancellationToken) as byte[] ?? throw Vanished(address, part);
    }

    private static IOException Vanished(string address, int part) => new($"Part {part} of stored file {address} is missing: the file was removed while being read.");

    private static DbCommand PartQuery(DbConnection connection, string address, int part) =>
        Command(connection, null, $"SELECT \"Data\" FROM {Parts} WHERE \"Address\" = @a AND \"Part\" = @p", ("a", address), ("p", part));

    private IEnumerable<(string Address, DateTime TouchedAtUtc)> List(string sql)
    {
        using var connection = Connect();
        connection.Open();
        using var query = Command(connection, null, sql);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        }
    }

    private DbConnection Connect() => _provider == DatabaseProvider.Postgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            if (value is byte[])
            {
                parameter.DbType = DbType.Binary;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }
}

/// <summary>
/// A stored file read part by part from the database: seekable (its size and part size are known), holding one part in
/// memory at a time and no connection between reads. <see cref="PartsRead"/> counts the parts fetched so far.
/// </summary>
public sealed class DatabaseFileStream(DatabaseFileStore store, string address, long length, int partSize) : Stream
{
    private byte[]? _part;
    private int _partNumber = -1;
    private long _position;

    public int PartsRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _position >= length)
        {
            return 0;
        }

        var number = (int)(_position / partSize);
        if (number != _partNumber)
        {
            Hold(number, store.ReadPart(address, number));
        }

        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= length)
        {
            return 0;
        }

        var number = (int)(_position / partSize);
        if (number != _partNumber)
        {
            Hold(number, await store.ReadPartAsync(address, number, cancellationToken));
        }

        return CopyOut(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Hold(int number, byte[] data)
    {
        _part = data;
        _partNumber = number;
        PartsRead++;
    }

    private int CopyOut(Span<byte> buffer)
    {
        var within = (int)(_position - ((long)_partNumber * partSize));
        var available = _part!.Length - within;
        if (available <= 0)
        {
            throw new IOException($"Stored file {address} is shorter than its recorded size.");
        }

        var count = Math.Min(available, buffer.Length);
        _part.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
