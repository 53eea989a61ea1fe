using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Exemplars.Benchmarks;

/// <summary>
/// Issue targets: 100,000 rating rows import in under a minute on SQLite (#3), and at no less than half the raw insert
/// rate measured in the same run, on both databases (#14 goal 3). The registry holds 25,000 party members in one
/// grassroots organisation; the workbook rates each of them for 2021–2024. Each iteration starts from a fresh copy of
/// the database, so every row is an insert. The raw benchmark is the baseline: its Ratio column is import time over
/// raw time (≤ 2 meets goal 3). PostgreSQL runs too when EXEMPLARS_BENCH_PG holds a connection string to a server
/// (e.g. <c>Host=127.0.0.1;Port=56500;Username=postgres;Database=postgres</c>); it creates and drops its own databases.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class RatingImportBenchmark
{
    public const int People = 25_000;
    private const string Sqlite = "Sqlite";
    private const string Postgres = "Postgres";
    private string _template = string.Empty;
    private string _database = string.Empty;
    private byte[] _workbook = [];
    private ServiceProvider? _services;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = Sqlite;

    public static IEnumerable<string> Databases() => ServerFromEnvironment is null ? [Sqlite] : [Sqlite, Postgres];

    /// <summary>The PostgreSQL server the Postgres case creates its databases on (the tests give their own).</summary>
    public string? PostgresServer { get; init; } = ServerFromEnvironment;

    private static string? ServerFromEnvironment => Environment.GetEnvironmentVariable("EXEMPLARS_BENCH_PG") is { Length: > 0 } server ? server : null;

    [GlobalSetup]
    public void Setup()
    {
        _template = Database == Postgres ? $"exemplars_bench_template_{Guid.NewGuid():N}" : Path.Combine(Path.GetTempPath(), $"exemplars-bench-template-{Guid.NewGuid():N}.db");
        if (Database == Postgres)
        {
            PostgresCommand($"CREATE DATABASE \"{_template}\"");
        }

        using (var services = Services(_template))
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.Migrate();
            var province = Organization.Create(new OrganizationDraft("TU", "Tỉnh ủy", OrganizationKind.ProvinceCommittee, null, null), null).Value;
            var bloc = Organization.Create(new OrganizationDraft("DUK", "Đảng bộ Khối", OrganizationKind.BlocCommittee, null, "TU"), province).Value;
            var unit = Organization.Create(new OrganizationDraft("CS001", "Đảng bộ Sở Tài chính", OrganizationKind.Grassroots, HostUnitType.StateAgency, "DUK"), bloc).Value;
            db.Organizations.AddRange(province, bloc, unit);
            db.SaveChanges();
            province.AssignPath();
            bloc.AssignPath();
            unit.AssignPath();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < People; i++)
            {
                db.People.Add(new Person { Code = $"DV{i:000000}", FullName = $"Đảng viên {i}", SearchName = $"dang vien {i}", OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2005 });
            }

            db.ChangeTracker.DetectChanges();
            db.SaveChanges();
        }

        var rows = new List<Dictionary<string, object>>(People * 4);
        string[] words = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"];
        for (var i = 0; i < People; i++)
        {
            for (var year = 2021; year <= 2024; year++)
            {
                rows.Add(new Dictionary<string, object>
                {
                    [ImportRatings.CodeHeader] = $"DV{i:000000}", [ImportRatings.BodyHeader] = "Đảng viên", [ImportRatings.YearHeader] = year, [ImportRatings.RatingHeader] = words[(i + year) % 3],
                });
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        _workbook = stream.ToArray();
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        DropDatabase();
        if (Database == Postgres)
        {
            _database = $"exemplars_bench_{Guid.NewGuid():N}";
            PostgresCommand($"CREATE DATABASE \"{_database}\" TEMPLATE \"{_template}\"");
        }
        else
        {
            _database = Path.Combine(Path.GetTempPath(), $"exemplars-bench-{Guid.NewGuid():N}.db");
            File.Copy(_template, _database);
        }

        _services = Services(_database);
    }

    [Benchmark(Description = "Import 100,000 rating rows")]
    public async Task<int> Import100kRatings()
    {
        await using var scope = _services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Organizations.SingleAsync(o => o.Code == "DUK");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set("bench", "bench@demo.vn", "Benchmark", Exemplars.Domain.Users.Roles.Secretariat, unit);
        var result = await scope.ServiceProvider.GetRequiredService<ImportRatings.Handler>().Handle(new MemoryStream(_workbook), "bench.xlsx", null, CancellationToken.None);
        if (!result.IsSuccess || result.Value.Created != People * 4)
        {
            throw new InvalidOperationException("The import did not insert every row: " + string.Join("; ", result.IsSuccess ? result.Value.Errors.Select(e => e.Message) : result.Errors.Select(e => e.Message)));
        }

        return result.Value.Created;
    }

    /// <summary>
    /// The same rows by the fastest plain way each database has, in the same run, in one transaction: one prepared INSERT
    /// (SQLite), binary COPY (PostgreSQL). The codes are looked up as the import does, from the people table.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Raw: the same 100,000 rows, one transaction (prepared INSERT / binary COPY)")]
    public Task<int> Raw100kRatings() => Database == Postgres ? RawPostgres() : RawSqlite();

    private async Task<int> RawPostgres()
    {
        await using var connection = new Npgsql.NpgsqlConnection(DatabaseConnectionString(_database));
        await connection.OpenAsync();
        var ids = new Dictionary<string, int>();
        await using (var read = new Npgsql.NpgsqlCommand("SELECT \"Code\", \"Id\" FROM people", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync();
        string[] ratings = ["Excellent", "Good", "Completed"];
        var count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY person_ratings (\"PersonId\", \"Year\", \"Rating\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < People; i++)
            {
                var id = ids[$"DV{i:000000}"];
                for (var year = 2021; year <= 2024; year++)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Integer);
                    await writer.WriteAsync(year, NpgsqlTypes.NpgsqlDbType.Integer);
                    await writer.WriteAsync(ratings[(i + year) % 3], NpgsqlTypes.NpgsqlDbType.Varchar);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlTypes.NpgsqlDbType.Uuid);
                    count++;
                }
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return count;
    }

    private async Task<int> RawSqlite()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        var ids = new Dictionary<string, int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"Code\", \"Id\" FROM people";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO person_ratings (\"PersonId\", \"Year\", \"Rating\", \"Version\") VALUES ($p, $y, $r, $v)";
        var p = insert.Parameters.Add("$p", Microsoft.Data.Sqlite.SqliteType.Integer);
        var y = insert.Parameters.Add("$y", Microsoft.Data.Sqlite.SqliteType.Integer);
        var r = insert.Parameters.Add("$r", Microsoft.Data.Sqlite.SqliteType.Text);
        var v = insert.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Text);
        insert.Prepare();
        string[] ratings = ["Excellent", "Good", "Completed"];
        var count = 0;
        for (var i = 0; i < People; i++)
        {
            p.Value = ids[$"DV{i:000000}"];
            for (var year = 2021; year <= 2024; year++)
            {
                y.Value = year;
                r.Value = ratings[(i + year) % 3];
                v.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                count += await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        DropDatabase();
        if (Database == Postgres)
        {
            PostgresCommand($"DROP DATABASE IF EXISTS \"{_template}\" WITH (FORCE)");
        }
        else
        {
            File.Delete(_template);
        }
    }

    private void DropDatabase()
    {
        _services?.Dispose();
        _services = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_database.Length == 0)
        {
            return;
        }

        if (Database == Postgres)
        {
            PostgresCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
        else
        {
            File.Delete(_database);
        }

        _database = string.Empty;
    }

    private string DatabaseConnectionString(string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    private void PostgresCommand(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The app's services over <paramref name="database"/>: a SQLite file, or a database on the PostgreSQL server.</summary>
    private ServiceProvider Services(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database,
            ["ConnectionStrings:Default"] = Database == Postgres ? DatabaseConnectionString(database) : $"Data Source={database}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddAppDatabase(configuration);
        services.AddScoped<CurrentUser>();
        services.AddFeatureHandlers();
        return services.BuildServiceProvider();
    }
}
