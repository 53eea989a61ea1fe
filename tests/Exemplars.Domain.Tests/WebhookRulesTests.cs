using System.Security.Cryptography;
using System.Text;
using Exemplars.Domain.Integration;

namespace Exemplars.Domain.Tests;

public sealed class WebhookRulesTests
{
    [Fact]
    public void The_signature_is_the_hmac_of_timestamp_dot_body_in_lower_hex()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"ballot.closed\"}");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("khoa"), Encoding.UTF8.GetBytes("1764806400.{\"event\":\"ballot.closed\"}")));
        Assert.Equal(expected, WebhookRules.Sign("khoa", 1764806400, body));
        Assert.True(WebhookRules.Verify("khoa", 1764806400, body, expected));
    }

    [Fact]
    public void A_changed_body_timestamp_or_secret_fails_the_check()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var signature = WebhookRules.Sign("khoa", 100, body);
        Assert.False(WebhookRules.Verify("khoa", 100, Encoding.UTF8.GetBytes("{\"a\":2}"), signature));
        Assert.False(WebhookRules.Verify("khoa", 101, body, signature));
        Assert.False(WebhookRules.Verify("khac", 100, body, signature));
        Assert.False(WebhookRules.Verify("khoa", 100, body, null));
    }

    [Fact]
    public void Retries_wait_longer_each_time_and_stop_after_the_last_attempt()
    {
        var waits = Enumerable.Range(1, WebhookRules.MaxAttempts).Select(WebhookRules.Backoff).ToList();
        Assert.Equal(TimeSpan.FromMinutes(1), waits[0]);
        Assert.True(waits.Zip(waits.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(TimeSpan.FromHours(12), waits[^1]);
        Assert.True(waits.Take(WebhookRules.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (a, b) => a + b) > TimeSpan.FromHours(20), "retries span most of a day");
    }

    [Fact]
    public void Every_event_has_a_vietnamese_label_and_the_state_reads_from_the_times()
    {
        Assert.All(WebhookRules.Events, e => Assert.DoesNotContain('.', e.Label));
        Assert.Equal("Kết thúc bỏ phiếu", WebhookRules.Label(WebhookRules.BallotClosed));
        Assert.Equal("Đang chờ gửi", WebhookRules.State(new WebhookDelivery { NextAttemptAtUtc = DateTime.UtcNow }));
        Assert.Equal("Đang thử lại", WebhookRules.State(new WebhookDelivery { Attempts = 2, NextAttemptAtUtc = DateTime.UtcNow }));
        Assert.Equal("Đã gửi", WebhookRules.State(new WebhookDelivery { Attempts = 1, DeliveredAtUtc = DateTime.UtcNow }));
        Assert.Equal("Thất bại", WebhookRules.State(new WebhookDelivery { Attempts = 8, FailedAtUtc = DateTime.UtcNow }));
    }
}
