using System.Threading.Channels;
using Npgsql;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Several instances on one PostgreSQL (<c>Cluster:Enabled</c>, ADR 033): when a save commits, the names of the in-memory
/// caches it emptied here (<see cref="ChangeWatchInterceptor"/>) are sent to every other instance with PostgreSQL's
/// <c>NOTIFY</c>, and each instance, listening on a connection of its own, empties the same caches. A deactivated account,
/// a changed role or a new count therefore holds on every instance from about the same moment, not after an entry's age.
/// When the listening connection drops, everything is emptied once it is back (notices sent meanwhile are lost).
/// With one instance (the default) nothing is sent and nothing listens.
/// </summary>
public sealed class ChangeBroadcast(IConfiguration configuration, IServiceProvider services, ILogger<ChangeBroadcast> logger) : BackgroundService
{
    public const string ChannelName = "exemplars_changes";

    private readonly Channel<string> _outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private long _received;

    public bool Enabled { get; } = DatabaseSetup.Clustered(configuration);

    /// <summary>Notices from other instances acted on so far; for tests and diagnostics.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Throws at start when several instances are asked for on a database that cannot be shared.</summary>
    public static void Validate(IConfiguration configuration)
    {
        if (DatabaseSetup.Clustered(configuration) && DatabaseSetup.Provider(configuration) != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Cluster:Enabled=true cần Database:Provider=Postgres: nhiều bản chạy chỉ dùng chung được một cơ sở dữ liệu PostgreSQL.");
        }
    }

    /// <summary>
    /// After rows were written around the change tracker (bulk COPY, ExecuteUpdate/Delete) and committed: empties the
    /// caches here and tells the other instances to empty the same — what <see cref="ChangeWatchInterceptor"/> does for
    /// a tracked save.
    /// </summary>
    public void ClearEverywhere(IEnumerable<IWatchesChanges> caches)
    {
        ArgumentNullException.ThrowIfNull(caches);
        var list = caches.ToList();
        if (list.Count == 0)
        {
            return;
        }

        foreach (var cache in list)
        {
            cache.Clear();
        }

        Publish(list);
    }

    /// <summary>Sends the names of the caches a committed save emptied (no-op with one instance).</summary>
    public void Publish(IEnumerable<IWatchesChanges> caches)
    {
        if (Enabled)
        {
            _outgoing.Writer.TryWrite(string.Join(',', caches.Select(c => c.GetType().Name).Distinct(StringComparer.Ordinal)));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseSetup.ConnectionString(configuration)) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        await Task.WhenAll(SendAsync(connectionString, stoppingToken), ListenAsync(connectionString, stoppingToken));
    }

    private async Task SendAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true, MaxPoolSize = 2 }.ConnectionString);
        try
        {
            await foreach (var names in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var command = source.CreateCommand("SELECT pg_notify(@channel, @payload)");
                    command.Parameters.AddWithValue("channel", ChannelName);
                    command.Parameters.AddWithValue("payload", _instance + "|" + names);
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(ex, "Change notice not sent to the other instances");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        var caches = services.GetServices<IWatchesChanges>().ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload, caches);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                foreach (var cache in caches)
                {
                    cache.Clear(); // anything sent while we were not listening
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                logger.LogWarning(ex, "Listening for other instances' changes stopped; trying again in 5 s");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Receive(string payload, List<IWatchesChanges> caches)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || payload.AsSpan(0, bar).SequenceEqual(_instance))
        {
            return;
        }

        var names = payload[(bar + 1)..].Split(',');
        foreach (var cache in caches.Where(c => names.Contains(c.GetType().Name, StringComparer.Ordinal)))
        {
            cache.Clear();
        }

        Interlocked.Increment(ref _received);
    }
}
