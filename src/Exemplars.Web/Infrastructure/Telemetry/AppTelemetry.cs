using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Exemplars.Web.Infrastructure.Telemetry;

/// <summary>
/// Traces and metrics (issue 15, item 7): ASP.NET Core requests, EF Core commands, the background jobs and the .NET
/// runtime, exported over OTLP when <c>OpenTelemetry:Endpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>)
/// is set; nothing is collected otherwise. <c>OpenTelemetry:Protocol</c> is <c>http/protobuf</c> (default) or <c>grpc</c>.
/// Health probes are not traced.
/// </summary>
public static class AppTelemetry
{
    public const string DefaultServiceName = "exemplars";

    /// <summary>One activity per run of a scheduled job or a background batch.</summary>
    public static readonly ActivitySource Jobs = new("Exemplars.Jobs");

    public static readonly Meter Meter = new("Exemplars");

    /// <summary>Runs of jobs and batches, tagged with the job's name and its outcome (ok, failed).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("exemplars.jobs.runs", description: "Runs of scheduled jobs and background batches");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("exemplars.jobs.duration", unit: "s", description: "Duration of scheduled jobs and background batches");

    public static string? Endpoint(IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:Endpoint"];
        return string.IsNullOrWhiteSpace(endpoint) ? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] : endpoint;
    }

    public static IServiceCollection AddAppTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = Endpoint(configuration);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var protocol = string.Equals(configuration["OpenTelemetry:Protocol"], "grpc", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OpenTelemetry:ServiceName"] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(Jobs.Name))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meter.Name))
            .UseOtlpExporter(protocol, new Uri(endpoint));
        return services;
    }

    /// <summary>Runs <paramref name="work"/> as one traced, counted and timed job run.</summary>
    public static async Task<T> RunJobAsync<T>(string name, Func<Task<T>> work)
    {
        using var activity = Jobs.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await work();
            outcome = "ok";
            return result;
        }
        finally
        {
            activity?.SetStatus(outcome == "ok" ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            var tags = new TagList { { "job", name }, { "outcome", outcome } };
            JobRuns.Add(1, tags);
            JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public static Task RunJobAsync(string name, Func<Task> work) => RunJobAsync(name, async () =>
    {
        await work();
        return true;
    });
}
