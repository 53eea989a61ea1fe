using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database (a fresh SQLite file or a fresh PostgreSQL database per factory),
/// started with the demo data as the README's run command starts it.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo@2025-Khoi";

    private readonly Dictionary<string, HttpClient> _signedIn = [];

    protected AppFactory()
    {
        ClientOptions.AllowAutoRedirect = false;
        ClientOptions.HandleCookies = true;
    }

    public abstract string Provider { get; }

    /// <summary>The app's clock: real time unless a test pins it.</summary>
    public TestClock Clock { get; } = new();

    private readonly string _storage = Path.Combine(Path.GetTempPath(), $"exemplars-files-{Guid.NewGuid():N}");

    /// <summary>The folder of this app's file store.</summary>
    public string StoragePath => _storage;

    protected abstract string ConnectionString { get; }

    /// <summary>This app's database, for a <see cref="SecondInstance"/> on it.</summary>
    public string DatabaseConnection => ConnectionString;

    protected virtual bool Demo => true;

    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Storage:Path", _storage);
        builder.UseSetting("Jobs:Enabled", "false"); // tests run the job handlers themselves
        // Every test client has the same (empty) address: the per-address pause would join unrelated tests' failures.
        // SignInThrottleTests check it; the per-account-and-address pause stays as in production.
        builder.UseSetting("SignIn:AddressFailuresPer15Minutes", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<CommandCounter>();
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IDbCommandInterceptor>(sp => sp.GetRequiredService<CommandCounter>());
        });
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // start the host: migrations and seeding run now, not inside the first test.
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _signedIn.Values)
        {
            client.Dispose();
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeletedAsync();
        }

        await DisposeAsync();
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    /// <summary>A client of its own (cookies kept, redirects not followed), through <paramref name="handlers"/>.</summary>
    public virtual HttpClient NewClient(params DelegatingHandler[] handlers) => handlers.Length == 0 ? CreateClient() : CreateDefaultClient(handlers);

    /// <summary>A cookie client signed in through the real login form (antiforgery token included). Cached per account.</summary>
    public async Task<HttpClient> SignedInAs(string email, string password = DemoPassword)
    {
        if (_signedIn.TryGetValue(email, out var cached))
        {
            return cached;
        }

        var client = NewClient();
        var response = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        _signedIn[email] = client;
        return client;
    }

    /// <summary>
    /// A client with a bearer token from POST /api/v1/auth/login. Unless <paramref name="sendsReadVersion"/> is false, it
    /// sends the version it read with every dossier write, as the pages do (<see cref="SendsReadVersion"/>).
    /// </summary>
    public async Task<HttpClient> BearerAs(string email, string password = DemoPassword, bool sendsReadVersion = true)
    {
        var client = sendsReadVersion ? NewClient(new SendsReadVersion()) : NewClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

public class SqliteAppFactory : AppFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"exemplars-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={_file}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }
}

/// <summary>The SQLite app served by Kestrel on a free loopback port; its clients speak real HTTP.</summary>
public sealed class KestrelAppFactory : SqliteAppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(0);
    }

    /// <summary>An OTLP/HTTP receiver the app exports its traces and metrics to (issue 15, item 7).</summary>
    public OtlpReceiver Otlp { get; } = new();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["OpenTelemetry:Endpoint"] = Otlp.Address.ToString(),
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    /// <summary>The address Kestrel listens on (http://127.0.0.1:port).</summary>
    public Uri Address => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
        .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    /// <summary>A real socket client that, like the test server's, neither follows redirects nor shares cookies (the factory's own Kestrel client follows them).</summary>
    public override HttpClient NewClient(params DelegatingHandler[] handlers)
    {
#pragma warning disable CA2000 // the client owns and disposes its handlers
        HttpMessageHandler handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        foreach (var outer in handlers.Reverse())
        {
            outer.InnerHandler = handler;
            handler = outer;
        }
#pragma warning restore CA2000
        return new HttpClient(handler) { BaseAddress = Address };
    }

    public override Task InitializeAsync()
    {
        StartServer();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Otlp.Dispose();
        }

        base.Dispose(disposing);
    }
}

public class PostgresAppFactory : AppFactory
{
    private readonly string _database = $"exemplars_test_{Guid.NewGuid():N}";

    public override string Provider => "Postgres";

    /// <summary>test.sh starts a throwaway server and sets EXEMPLARS_TEST_PG; without it these tests fail, they never skip.</summary>
    public static string TestServer => Environment.GetEnvironmentVariable("EXEMPLARS_TEST_PG")
        ?? throw new InvalidOperationException("EXEMPLARS_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    protected override string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(TestServer) { Database = _database }.ConnectionString;
}
