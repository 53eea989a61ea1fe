using System.Text.Json;
using Exemplars.Domain.Integration;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Webhooks;

/// <summary>
/// The configured receivers (<c>Webhooks:Endpoints:n:Url</c>, <c>:Secret</c>, <c>:Events</c> — a list or comma-separated,
/// empty for every event). None configured: nothing is written or sent (ADR 032).
/// </summary>
public sealed class WebhookSettings
{
    public sealed record Endpoint(string Url, string Secret, IReadOnlySet<string> Events);

    public IReadOnlyList<Endpoint> Endpoints { get; }

    public WebhookSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = new List<Endpoint>();
        foreach (var section in configuration.GetSection("Webhooks:Endpoints").GetChildren())
        {
            var url = section["Url"];
            var secret = section["Secret"];
            if (string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"Webhooks:Endpoints:{section.Key}:Url must be an absolute http(s) address; it is '{url}'.");
            }

            if (string.IsNullOrWhiteSpace(secret) || secret.Length < 16)
            {
                throw new InvalidOperationException($"Webhooks:Endpoints:{section.Key}:Secret must be at least 16 characters (it signs every delivery).");
            }

            var events = section.GetSection("Events").GetChildren().Select(c => c.Value).Append(section["Events"])
                .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
            var unknown = events.Where(e => WebhookRules.Events.All(k => k.Event != e)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Webhooks:Endpoints:{section.Key}:Events names unknown events: {string.Join(", ", unknown)}.");
            }

            endpoints.Add(new Endpoint(url, secret, events));
        }

        Endpoints = endpoints;
    }

    public Endpoint? For(string url) => Endpoints.FirstOrDefault(e => string.Equals(e.Url, url, StringComparison.Ordinal));
}

/// <summary>
/// Writes the deliveries an event owes into the caller's unit of work, so they are saved with the change they report
/// and never without it (an outbox); the delivery job sends them.
/// </summary>
public sealed class WebhookOutbox(WebhookSettings settings, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public void Add(AppDbContext db, string @event, object data)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var endpoint in settings.Endpoints.Where(e => e.Events.Count == 0 || e.Events.Contains(@event)))
        {
            var id = Guid.NewGuid();
            var payload = JsonSerializer.Serialize(new { id, @event, occurredAtUtc = DateTime.SpecifyKind(now, DateTimeKind.Utc), data }, Json);
            db.WebhookDeliveries.Add(new WebhookDelivery { DeliveryId = id, Event = @event, Url = endpoint.Url, Payload = payload, CreatedAtUtc = now, NextAttemptAtUtc = now });
        }
    }
}
