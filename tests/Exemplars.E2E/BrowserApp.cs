using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Exemplars.E2E;

/// <summary>The real app on Kestrel (loopback, demo data, a fresh SQLite file) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"exemplars-e2e-{Guid.NewGuid():N}.db");
    private readonly string _storage = Path.Combine(Path.GetTempPath(), $"exemplars-e2e-files-{Guid.NewGuid():N}");
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static (string Database, string Files)? _template;
    private IPlaywright? _playwright;

    public BrowserApp()
    {
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IBrowser Browser { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_database}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Storage:Path", _storage); // uploads stay out of the source tree's App_Data
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("urls", BaseUrl);
    }

    public async Task InitializeAsync()
    {
        await SeedFromTemplateOrMakeOneAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--lang=vi", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> SignedInPage(string email, string password = "Demo@2025-Khoi")
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        try
        {
            await page.ArriveAtAsync(BaseUrl + "/");
        }
        catch (TimeoutException timeout)
        {
            // A sign-in that never reached the home page (seen once in a while under load): say where it stayed and what it showed.
            var shown = await page.EvaluateAsync<string>("() => (document.querySelector('main') || document.body).innerText.slice(0, 600)");
            throw new TimeoutException($"Sign-in of {email} stayed on {page.Url}: {shown}", timeout);
        }

        return page;
    }

    /// <summary>
    /// A fresh browser context in Vietnamese. Its waits are 60 s, not Playwright's 30: on CI's two shared cores a sign-in
    /// (password hash, first page of the role, charts) once took longer than 30 s while nothing was wrong.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions { Locale = "vi-VN" };
        options.BaseURL ??= BaseUrl;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        File.Delete(_database);
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    /// <summary>
    /// Seeding the demo bloc takes about 16 s; fourteen classes seeding it each cost CI four minutes. The first app
    /// seeds as in production and its fresh database and files are copied (before any test touches them) for the
    /// next apps, which then start on an identical, untouched demo bloc of their own.
    /// </summary>
    private async Task SeedFromTemplateOrMakeOneAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is { } template)
            {
                File.Copy(template.Database, _database);
                CopyFolder(template.Files, _storage);
                StartServer();
                return;
            }

            StartServer();
            var copy = Path.Combine(Path.GetTempPath(), $"exemplars-e2e-template-{Guid.NewGuid():N}");
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database};Pooling=false"))
            {
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", copy + ".db");
                await vacuum.ExecuteNonQueryAsync();
            }

            CopyFolder(_storage, copy + "-files");
            _template = (copy + ".db", copy + "-files");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                File.Delete(copy + ".db");
                if (Directory.Exists(copy + "-files"))
                {
                    Directory.Delete(copy + "-files", recursive: true);
                }
            };
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
