using System.Text.Json;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 15, item 7: readiness names what is wrong; traces and metrics reach an OTLP collector; JSON log lines carry the
/// request id that problem details and the error page show.
/// </summary>
[Collection(KestrelApp.Name)]
public sealed class OperationsTests(KestrelAppFactory app)
{
    [Fact]
    public async Task Readiness_checks_the_database_and_the_file_store_and_says_which_failed()
    {
        using var client = app.NewClient();
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        }

        // The file store's folder replaced by a file: nothing can be written there (permissions would not stop root).
        var moved = app.StoragePath + ".moved";
        Directory.Move(app.StoragePath, moved);
        await File.WriteAllTextAsync(app.StoragePath, "không phải thư mục");
        try
        {
            using var notReady = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            using var report = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync());
            var storage = report.RootElement.GetProperty("checks").GetProperty("storage");
            Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
            Assert.Contains("kho tệp", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

            // Liveness and the database check do not depend on the file store.
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using var database = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, database.StatusCode);
        }
        finally
        {
            File.Delete(app.StoragePath);
            Directory.Move(moved, app.StoragePath);
        }
    }

    [Fact]
    public async Task Requests_and_jobs_are_traced_and_measured_over_otlp()
    {
        using var api = await app.BearerAs("tgdv@demo.vn");
        using (var list = await api.GetAsync("/api/v1/organizations?page=1"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        var job = $"thu-nghiem-{Guid.NewGuid():N}";
        await Exemplars.Web.Infrastructure.Telemetry.AppTelemetry.RunJobAsync(job, () => Task.CompletedTask);

        var timeout = TimeSpan.FromSeconds(20);
        Assert.True(await app.Otlp.WaitForAsync("/v1/traces", "/api/v1/organizations", timeout), "no server span for the request");
        Assert.True(await app.Otlp.WaitForAsync("/v1/traces", "exemplars", timeout), "no service name on the spans");
        Assert.True(await app.Otlp.WaitForAsync("/v1/traces", "organizations", timeout), "no EF Core span for the query");
        Assert.True(await app.Otlp.WaitForAsync("/v1/traces", job, timeout), "no span for the job run");
        Assert.True(await app.Otlp.WaitForAsync("/v1/metrics", "http.server.request.duration", timeout), "no request metrics");
        Assert.True(await app.Otlp.WaitForAsync("/v1/metrics", "exemplars.jobs.runs", timeout), "no job metrics");
    }
}

/// <summary>The app in its own process, as deployed: what it writes to standard output.</summary>
public sealed class ProcessLogTests(ProcessApp app) : IClassFixture<ProcessApp>
{
    [Fact]
    public async Task Log_lines_are_json_with_the_request_id_that_problem_details_show()
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "khong-co@tinh.vn", password = "Sai-mat-khau-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using var problem = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var requestId = problem.RootElement.GetProperty("requestId").GetString()!;
        Assert.False(string.IsNullOrEmpty(requestId));

        var line = await app.WaitForLineAsync(l => l.Contains(requestId, StringComparison.Ordinal) && l.Contains("Sign-in refused", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.True(line is not null, $"no log line with request id {requestId} in:\n{string.Join('\n', app.Output.TakeLast(20))}");
        using var entry = JsonDocument.Parse(line);
        Assert.Equal("Warning", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString() == requestId);

        // Every line of the process is one JSON object (start-up, migrations, requests).
        Assert.All(app.Output.Where(l => l.Length > 0), l => JsonDocument.Parse(l).Dispose());

        // People see the same kind of id on the error page, to quote when they report a problem.
        using var missing = await client.GetAsync("/Showcase/Details/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(Forms.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("[data-testid=request-id]")?.TextContent));
    }
}
