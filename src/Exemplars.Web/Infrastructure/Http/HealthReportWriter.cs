using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// /health/ready answers with each check by name, its state and a Vietnamese description (never an exception's text:
/// the endpoint is anonymous), so an operator sees at once whether the database or the file store is the problem.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Options, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
}
