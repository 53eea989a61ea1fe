using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Exemplars.Domain.Integration;

/// <summary>Which events are sent, how a body is signed, and when a failed delivery is tried again (ADR 032).</summary>
public static class WebhookRules
{
    public const string NominationSubmitted = "nomination.submitted";
    public const string NominationReturned = "nomination.returned";
    public const string BallotClosed = "ballot.closed";
    public const string DecisionIssued = "decision.issued";
    public const string StoryPublished = "story.published";

    /// <summary>Every event, with its Vietnamese name for the delivery log.</summary>
    public static readonly IReadOnlyList<(string Event, string Label)> Events =
    [
        (NominationSubmitted, "Hồ sơ được gửi lên"),
        (NominationReturned, "Hồ sơ bị trả lại"),
        (BallotClosed, "Kết thúc bỏ phiếu"),
        (DecisionIssued, "Ban hành quyết định"),
        (StoryPublished, "Đăng gương điển hình"),
    ];

    public static string Label(string @event) => Events.FirstOrDefault(e => e.Event == @event).Label ?? @event;

    /// <summary>Attempts before a delivery is given up (the first and the retries).</summary>
    public const int MaxAttempts = 8;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 1, 5, 15 minutes, 1, 3, 6, 12 hours.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        4 => TimeSpan.FromHours(1),
        5 => TimeSpan.FromHours(3),
        6 => TimeSpan.FromHours(6),
        _ => TimeSpan.FromHours(12),
    };

    /// <summary>
    /// The signature header's value: <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed by the endpoint's secret,
    /// of the Unix timestamp (header X-Exemplars-Timestamp), a dot and the body's bytes — so a receiver can refuse a
    /// replayed or altered body.
    /// </summary>
    public static string Sign(string secret, long unixSeconds, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Whether a receiver's check passes: same signature (compared in constant time).</summary>
    public static bool Verify(string secret, long unixSeconds, byte[] body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, unixSeconds, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>The delivery's state as the log shows it.</summary>
    public static string State(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.DeliveredAtUtc is not null ? "Đã gửi" : delivery.FailedAtUtc is not null ? "Thất bại" : delivery.Attempts == 0 ? "Đang chờ gửi" : "Đang thử lại";
    }
}
