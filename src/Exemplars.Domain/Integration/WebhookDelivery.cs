namespace Exemplars.Domain.Integration;

/// <summary>
/// One signed POST owed to one configured address for one event (issue 17 point 6, ADR 032): written in the same
/// transaction as the change it reports (an outbox), then sent by the delivery job until it is delivered or given up.
/// Pending while <see cref="NextAttemptAtUtc"/> is set.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary>The delivery's identity for the receiver (header X-Exemplars-Delivery), stable across retries.</summary>
    public Guid DeliveryId { get; set; }

    public string Event { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    /// <summary>The JSON body, fixed when the event happened (retries send the same bytes).</summary>
    public string Payload { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAtUtc { get; set; }

    public DateTime? DeliveredAtUtc { get; set; }

    /// <summary>Set when the last allowed attempt failed; an administrator may send it again.</summary>
    public DateTime? FailedAtUtc { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }
}
