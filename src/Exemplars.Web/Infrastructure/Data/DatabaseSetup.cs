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

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<Auth.SignedInUserCache>();
        services.AddSingleton<IWatchesChanges>(sp => sp.GetRequiredService<Auth.SignedInUserCache>());
        services.AddSingleton<Features.Dashboard.DashboardCache>();
        services.AddSingleton<IWatchesChanges>(sp => sp.GetRequiredService<Features.Dashboard.DashboardCache>());
        services.AddSingleton<Features.Organizations.ActiveOrganizationCounts>();
        services.AddSingleton<IWatchesChanges>(sp => sp.GetRequiredService<Features.Organizations.ActiveOrganizationCounts>());
        services.AddSingleton<ChangeWatchInterceptor>();
        services.AddSingleton<Features.Eligibility.SuggestionMarking>();
        services.AddSingleton<Features.Eligibility.RefreshSuggestions.Gate>();
        switch (Provider(configuration))
        {
            case DatabaseProvider.Sqlite:
                connectionString ??= "Data Source=App_Data/exemplars.db";
                EnsureSqliteFolder(connectionString);
                services.AddDbContext<SqliteAppDbContext>((sp, o) => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ChangeWatchInterceptor>(), sp.GetRequiredService<Features.Eligibility.SuggestionMarking>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is Postgres.");
                }

                services.AddDbContext<PostgresAppDbContext>((sp, o) => o
                    .UseNpgsql(connectionString)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ChangeWatchInterceptor>(), sp.GetRequiredService<Features.Eligibility.SuggestionMarking>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
        }

        return services;
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
