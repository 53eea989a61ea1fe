using System.Collections.Concurrent;
using System.Diagnostics;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// The app as an administrator runs it: its own process (<c>dotnet Exemplars.Web.dll</c>), Production environment,
/// a fresh SQLite file, the first admin from settings, its standard output kept line by line.
/// </summary>
public sealed class ProcessApp : IAsyncLifetime
{
    public const string AdminEmail = "quantri@tinh.vn";
    public const string AdminPassword = "Vung-Tin-2026-Khoi";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"exemplars-process-{Guid.NewGuid():N}");
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ProcessApp()
    {
        Port = FreePort.Next();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every line the process wrote to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Extra settings as environment variables (e.g. proxies), set before the start.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var start = StartInfo([]);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address };
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped with code {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var live = await client.GetAsync("/health/ready");
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The app did not become ready in 60 s:\n{string.Join('\n', _output)}");
    }

    /// <summary>The app's own process with its settings (database, files, environment) and the given arguments.</summary>
    private ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Exemplars.Web.dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_folder, "app.db")}";
        start.Environment["Storage__Path"] = FilesFolder;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>The stored files' folder of this app.</summary>
    public string FilesFolder => Path.Combine(_folder, "files");

    /// <summary>Runs a command of the app (<c>backup --to …</c>) against the same database and files; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Waits until a line of output satisfies <paramref name="match"/>.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        return null;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
