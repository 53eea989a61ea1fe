using System.Diagnostics;
using System.Globalization;
using Exemplars.TierGen;
using Npgsql;

// Fills a fresh PostgreSQL database to a named benchmark tier (issue 14):
//   dotnet run -c Release --project benchmarks/Exemplars.TierGen -- --tier b --app <Exemplars.Web.dll>
//       [--connection "Host=127.0.0.1;Port=56432;Username=postgres;Database=bench_b"] [--port 5989]
// 1. drops and creates the database;
// 2. starts the app once with Demo:Enabled=true, so its own EF migrations, the built-in plan, the demo bloc, its
//    accounts (password Demo@2025-Khoi), rounds and history are written exactly as in a demo start; stops it when /health answers;
// 3. adds the tier's grassroots organisations, people, ratings, collective ratings and nominations by binary COPY.
var options = Options.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("Usage: --tier demo|a|b|c --app <path to Exemplars.Web.dll> [--connection <Npgsql connection string>] [--port 5989] [--keep]");
    return 2;
}

var tier = Tier.Named(options.Tier);
if (tier is null)
{
    await Console.Error.WriteLineAsync($"Unknown tier '{options.Tier}'; use demo, a, b or c.");
    return 2;
}

var total = Stopwatch.StartNew();
var target = new NpgsqlConnectionStringBuilder(options.Connection);
var database = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
if (!options.Keep)
{
    var maintenance = new NpgsqlConnectionStringBuilder(options.Connection) { Database = "postgres", Pooling = false };
    await using var admin = new NpgsqlConnection(maintenance.ConnectionString);
    await admin.OpenAsync();
    await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin))
    {
        await drop.ExecuteNonQueryAsync();
    }

    await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin))
    {
        await create.ExecuteNonQueryAsync();
    }

    Console.WriteLine($"[tiergen] database {database} created");
    await DemoStart.RunAsync(options.App, target.ConnectionString, options.Port);
    Console.WriteLine($"[tiergen] migrations and demo seed done in {total.Elapsed.TotalSeconds:F1} s");
}

await using (var connection = new NpgsqlConnection(target.ConnectionString))
{
    await connection.OpenAsync();
    var loader = new TierLoader(connection, tier);
    await loader.LoadAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[tiergen] tier {tier.Name} ready in {total.Elapsed.TotalSeconds:F1} s"));
return 0;
