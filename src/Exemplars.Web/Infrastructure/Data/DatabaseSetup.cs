using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not supported; use Sqlite or Postgres.");
    }

    /// <summary>"Several instances share this database" (ADR 033): PostgreSQL only (<see cref="ChangeBroadcast.Validate"/>).</summary>
    public const string ClusterSetting = "Cluster:Enabled";

    public static bool Clustered(IConfiguration configuration) => configuration.GetValue(ClusterSetting, false);

    /// <summary>
    /// The connection string the app uses: <c>ConnectionStrings:Default</c>, on SQLite by default
    /// <c>App_Data/exemplars.db</c>, on PostgreSQL required and with the pool settings of <see cref="PostgresConnection"/>.
    /// Everything that opens its own connections (the file store, the scheduler's store) uses this one.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Default");
        return Provider(configuration) switch
        {
            DatabaseProvider.Postgres => string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is Postgres.")
                : PostgresConnection(configured),
            _ => configured ?? "Data Source=App_Data/exemplars.db",
        };
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        services.AddSingleton<AuditInterceptor>();
        AddWatching<Auth.SignedInUserCache>(services);
        AddWatching<Auth.TwoFactorPolicy>(services);
        AddWatching<Features.Dashboard.DashboardCache>(services);
        AddWatching<Features.Organizations.ActiveOrganizationCounts>(services);
        AddWatching<Features.Organizations.OrganizationListCounts>(services);
        AddWatching<Features.People.PeopleCounts>(services);
        AddWatching<Features.People.ExcellentShareCounts>(services);
        AddWatching<Features.Nominations.NominationCounts>(services);
        AddWatching<Features.Eligibility.SuggestionCounts>(services);
        AddWatching<Features.Organizations.UnitFilterOptions>(services);
        AddWatching<Features.Plans.KeptRounds>(services);
        AddWatching<Features.Plans.KeptCategoryOptions>(services);
        ChangeBroadcast.Validate(configuration);
        services.AddSingleton<ChangeBroadcast>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeBroadcast>());
        services.AddSingleton<ChangeWatchInterceptor>();
        services.AddSingleton<Features.Eligibility.SuggestionMarking>();
        services.AddSingleton<Features.Eligibility.RefreshSuggestions.Gate>();

        // Contexts are pooled (issue 14, goal 2): creating one per request — its options, then the few dozen internal
        // services EF resolves for it — cost more CPU than a simple query itself. A pooled context is reset when its
        // request ends; the interceptors are singletons that keep any per-save state per context. Command interceptors
        // registered as services (none in the app; the tests count round trips with one) are added too.
        switch (Provider(configuration))
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                services.AddDbContextPool<SqliteAppDbContext>((sp, o) => o
                    .UseSqlite(connectionString)
                    .AddAppInterceptors(sp));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<PostgresAppDbContext>((sp, o) => o
                    .UseNpgsql(connectionString)
                    .AddAppInterceptors(sp));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
        }

        return services;
    }

    /// <summary>A singleton cache that a save of the entities it concerns empties (<see cref="ChangeWatchInterceptor"/>).</summary>
    private static void AddWatching<T>(IServiceCollection services)
        where T : class, IWatchesChanges
    {
        services.AddSingleton<T>();
        services.AddSingleton<IWatchesChanges>(sp => sp.GetRequiredService<T>());
    }

    /// <summary>The app's interceptors, the same for either database, and any command interceptor registered as a service.</summary>
    private static DbContextOptionsBuilder AddAppInterceptors(this DbContextOptionsBuilder options, IServiceProvider services) => options
        .AddInterceptors(services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<ChangeWatchInterceptor>(), services.GetRequiredService<Features.Eligibility.SuggestionMarking>())
        .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IDbCommandInterceptor>());

    /// <summary>
    /// The connection string with the pool settings measured for issue 14 (goal 2), where the operator has not set them:
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c>: the app keeps no session state (no SET, temporary tables, advisory locks or LISTEN),
    /// so a connection back in the pool need not be reset — otherwise each EF query (one open and close per query) makes
    /// the server run the reset statements before the next one.</item>
    /// <item><c>Max Auto Prepare</c>: statements the app repeats are prepared once per connection and then only bound and
    /// executed, which saves the server parsing them each time.</item>
    /// <item><c>plan_cache_mode=force_custom_plan</c>: a prepared statement is still planned for its parameter values, as an
    /// unprepared one is. A generic plan does not know the scope prefix of <c>"Path" LIKE @prefix</c>, estimates one
    /// organisation and picks nested loops over the whole scope (measured on the demo tier: the people count went from
    /// 0.2 ms to 14 ms), and can never use the prefix index.</item>
    /// </list>
    /// </summary>
    public static string PostgresConnection(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c plan_cache_mode=force_custom_plan" : builder.Options + " -c plan_cache_mode=force_custom_plan";
        }

        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
