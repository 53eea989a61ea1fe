using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Exemplars.Domain.Integration;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Webhooks;

/// <summary>
/// The delivery job's work (ADR 032): every due delivery is claimed by a conditional update (its attempt count as read),
/// so two runs or two servers never send the same attempt twice, then POSTed with its signature. A 2xx answer delivers
/// it; anything else is tried again after <see cref="WebhookRules.Backoff"/>, and after <see cref="WebhookRules.MaxAttempts"/>
/// attempts it is given up, kept in the log for an administrator to send again.
/// </summary>
public static class DeliverWebhooks
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 50;

    /// <summary>How long a claimed attempt keeps others off it if this server stops mid-send.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public sealed class Handler(AppDbContext db, WebhookSettings settings, IHttpClientFactory clients, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<int> Handle(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.WebhookDeliveries.AsNoTracking().Where(d => d.NextAttemptAtUtc != null && d.NextAttemptAtUtc <= now)
                .OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
            var delivered = 0;
            foreach (var delivery in due)
            {
                var attempts = delivery.Attempts;
                var claimed = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.Attempts == attempts && d.NextAttemptAtUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempts + 1).SetProperty(d => d.NextAttemptAtUtc, now + Lease), cancellationToken);
                if (claimed == 0)
                {
                    continue; // another run took it
                }

                var (status, error) = await SendAsync(delivery, now, cancellationToken);
                var attempt = attempts + 1;
                var id = delivery.Id;
                if (error is null)
                {
                    delivered++;
                    await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.DeliveredAtUtc, now).SetProperty(d => d.NextAttemptAtUtc, (DateTime?)null)
                        .SetProperty(d => d.LastStatus, status).SetProperty(d => d.LastError, (string?)null), cancellationToken);
                    continue;
                }

                var text = error.Length > 500 ? error[..500] : error;
                var givenUp = attempt >= WebhookRules.MaxAttempts;
                DateTime? next = givenUp ? null : now + WebhookRules.Backoff(attempt);
                DateTime? failed = givenUp ? now : null;
                logger.LogWarning("Webhook delivery {Id} ({Event}) attempt {Attempt} failed: {Error}", id, delivery.Event, attempt, text);
                await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.NextAttemptAtUtc, next).SetProperty(d => d.FailedAtUtc, failed)
                    .SetProperty(d => d.LastStatus, status).SetProperty(d => d.LastError, text), cancellationToken);
            }

            return delivered;
        }

        private async Task<(int? Status, string? Error)> SendAsync(WebhookDelivery delivery, DateTime now, CancellationToken cancellationToken)
        {
            if (settings.For(delivery.Url) is not { } endpoint)
            {
                return (null, "Địa chỉ nhận không còn trong cấu hình Webhooks:Endpoints.");
            }

            var body = Encoding.UTF8.GetBytes(delivery.Payload);
            var timestamp = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add("X-Exemplars-Event", delivery.Event);
            request.Headers.Add("X-Exemplars-Delivery", delivery.DeliveryId.ToString());
            request.Headers.Add("X-Exemplars-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Exemplars-Signature", WebhookRules.Sign(endpoint.Secret, timestamp, body));
            try
            {
                using var client = clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                return response.IsSuccessStatusCode ? (status, null) : (status, $"Nơi nhận trả lời {status} {response.ReasonPhrase}.");
            }
            catch (HttpRequestException e)
            {
                return (null, "Không gửi được: " + e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, "Nơi nhận không trả lời trong 10 giây.");
            }
        }
    }
}
