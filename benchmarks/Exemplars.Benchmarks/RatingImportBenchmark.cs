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
/// Issue target: 100,000 rating rows import in under a minute on SQLite. The registry holds 25,000 party members in
/// one grassroots organisation; the workbook rates each of them for 2021–2024. Each iteration starts from a fresh
/// copy of the database, so every row is an insert (the slow path).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class RatingImportBenchmark
{
    public const int People = 25_000;
    private string _template = string.Empty;
    private string _database = string.Empty;
    private byte[] _workbook = [];
    private ServiceProvider? _services;

    [GlobalSetup]
    public void Setup()
    {
        _template = Path.Combine(Path.GetTempPath(), $"exemplars-bench-template-{Guid.NewGuid():N}.db");
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
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database = Path.Combine(Path.GetTempPath(), $"exemplars-bench-{Guid.NewGuid():N}.db");
        File.Copy(_template, _database);
        _services = Services(_database);
    }

    [Benchmark(Description = "Import 100,000 rating rows (SQLite)")]
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

    /// <summary>The same rows by the fastest plain way SQLite has, in the same run: one prepared INSERT in one transaction.</summary>
    [Benchmark(Description = "Raw: the same 100,000 rows by one prepared INSERT in one transaction (SQLite)")]
    public async Task<int> Raw100kRatings()
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
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_template);
    }

    private static ServiceProvider Services(string file)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={file}",
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
