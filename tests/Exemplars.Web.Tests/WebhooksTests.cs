using System.Text.Json;
using AngleSharp.Html.Dom;
using Exemplars.Domain.Integration;
using Exemplars.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 17 point 6 (ADR 032): events go to the configured receivers as signed POSTs, written with the change they report
/// (nothing when the change is refused), tried again with growing waits, given up after the last attempt and sent again
/// by an administrator from the delivery log. The receiver is a real HTTP endpoint (<see cref="WebhookReceiver"/>).
/// </summary>
public abstract class WebhooksTests(AppFactory app)
{
    public const string Secret = "khoa-ky-webhook-0123456789";

    private WebhookReceiver Receiver => ((IWebhookApp)app).Receiver;

    private async Task<int> Deliver()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverWebhooks.Handler>().Handle(CancellationToken.None);
    }

    private Task<List<WebhookDelivery>> DeliveriesOf(string @event, int nominationId) =>
        app.WithDb(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.Event == @event && d.Payload.Contains($"\"nominationId\":{nominationId},")).ToListAsync());

    private List<WebhookReceiver.Received> ReceivedFor(Guid deliveryId) =>
        Receiver.Requests.Where(r => r.Headers.TryGetValue("X-Exemplars-Delivery", out var id) && id == deliveryId.ToString()).ToList();

    private async Task ReturnWith(int id, string reason, HttpStatusCode expected)
    {
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var version = await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Version).SingleAsync());
        using var response = await secretariat.PostAsJsonAsync($"/api/v1/nominations/{id}/return", new { version, reason });
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sending_and_returning_a_dossier_post_signed_events_to_the_receivers_that_asked_for_them()
    {
        using var clerk = await app.BearerAs("coso2@demo.vn");
        var id = await Dossiers.SubmittedAsync(app, clerk, "CS002");
        var owed = Assert.Single(await DeliveriesOf(WebhookRules.NominationSubmitted, id)); // the stories-only receiver is owed nothing
        Assert.EndsWith("/hook", owed.Url, StringComparison.Ordinal);

        Assert.True(await Deliver() >= 1);
        var post = Assert.Single(ReceivedFor(owed.DeliveryId));
        Assert.Equal("/hook", post.Path);
        Assert.Equal(WebhookRules.NominationSubmitted, post.Headers["X-Exemplars-Event"]);
        Assert.StartsWith("application/json", post.Headers["Content-Type"], StringComparison.Ordinal);
        var timestamp = long.Parse(post.Headers["X-Exemplars-Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(WebhookRules.Verify(Secret, timestamp, post.Body, post.Headers["X-Exemplars-Signature"]), "the signature checks with the endpoint's secret");
        Assert.False(WebhookRules.Verify("khoa-khac-0123456789", timestamp, post.Body, post.Headers["X-Exemplars-Signature"]));
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal(WebhookRules.NominationSubmitted, body.GetProperty("event").GetString());
        Assert.Equal(id, body.GetProperty("data").GetProperty("nominationId").GetInt32());
        Assert.Equal("CS002", body.GetProperty("data").GetProperty("organizationCode").GetString());
        Assert.EndsWith("Z", body.GetProperty("occurredAtUtc").GetString(), StringComparison.Ordinal);
        var delivered = await app.WithDb(db => db.WebhookDeliveries.SingleAsync(d => d.Id == owed.Id));
        Assert.Equal((1, 204, (DateTime?)null), (delivered.Attempts, delivered.LastStatus, delivered.NextAttemptAtUtc));
        Assert.NotNull(delivered.DeliveredAtUtc);

        // Delivered once: another run sends nothing more for it.
        await Deliver();
        Assert.Single(ReceivedFor(owed.DeliveryId));

        await ReturnWith(id, "Thiếu bản chụp quyết định khen thưởng năm 2024.", HttpStatusCode.OK);
        var returned = Assert.Single(await DeliveriesOf(WebhookRules.NominationReturned, id));
        await Deliver();
        var back = JsonDocument.Parse(Assert.Single(ReceivedFor(returned.DeliveryId)).Body).RootElement;
        Assert.Equal("Thiếu bản chụp quyết định khen thưởng năm 2024.", back.GetProperty("data").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Closing_a_ballot_and_issuing_its_decision_post_their_events_with_totals_only()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var id = Assert.Single(await Dossiers.CommendedAsync(app, clerk, secretariat));
        var closed = await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.Event == WebhookRules.BallotClosed && d.Payload.Contains($"\"nominationId\":{id},")).ToListAsync());
        var ballot = JsonDocument.Parse(Assert.Single(closed).Payload).RootElement.GetProperty("data");
        var candidate = Assert.Single(ballot.GetProperty("candidates").EnumerateArray());
        Assert.Equal((9, 0), (candidate.GetProperty("approvals").GetInt32(), candidate.GetProperty("disapprovals").GetInt32()));
        Assert.Equal(9, ballot.GetProperty("voted").GetInt32());
        Assert.DoesNotContain("btv", closed[0].Payload, StringComparison.OrdinalIgnoreCase); // nobody's name or account beside a choice

        using var issued = await secretariat.PostAsJsonAsync("/api/v1/decisions", new
        {
            type = "Decision", title = "Quyết định biểu dương", date = "2075-05-19", signer = "Phạm Thị Tố Loan", awardType = "Giấy khen", nominationIds = new[] { id },
        });
        var number = await issued.Content.ReadAsStringAsync();
        Assert.True(issued.IsSuccessStatusCode, number);
        await Deliver();
        var decision = await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.Event == WebhookRules.DecisionIssued).ToListAsync());
        var mine = decision.Single(d => JsonDocument.Parse(d.Payload).RootElement.GetProperty("data").GetProperty("nominationIds").EnumerateArray().Any(n => n.GetInt32() == id));
        var posted = JsonDocument.Parse(mine.Payload).RootElement.GetProperty("data");
        Assert.Equal("Decision", posted.GetProperty("type").GetString());
        Assert.Equal("2075-05-19", posted.GetProperty("date").GetString());
        Assert.Contains(posted.GetProperty("number").GetString()!, number, StringComparison.Ordinal);
        Assert.NotNull(mine.DeliveredAtUtc); // read after the delivery run
        Assert.Single(ReceivedFor(mine.DeliveryId));
    }

    [Fact]
    public async Task A_refused_change_owes_no_event()
    {
        using var clerk = await app.BearerAs("coso2@demo.vn");
        var id = await Dossiers.SubmittedAsync(app, clerk, "CS002");
        await ReturnWith(id, "", HttpStatusCode.BadRequest);
        Assert.Empty(await DeliveriesOf(WebhookRules.NominationReturned, id));
    }

    [Fact]
    public async Task A_failed_delivery_is_tried_again_later_with_the_same_body_then_given_up_and_sent_again_by_the_administrator()
    {
        using var clerk = await app.BearerAs("coso2@demo.vn");
        var id = await Dossiers.SubmittedAsync(app, clerk, "CS002");
        var owed = Assert.Single(await DeliveriesOf(WebhookRules.NominationSubmitted, id));
        var start = DateTimeOffset.UtcNow;
        try
        {
            app.Clock.SetUtcNow(start);
            Receiver.FailNext = 2;
            await Deliver();
            var first = await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == owed.Id));
            Assert.Equal((1, 500), (first.Attempts, first.LastStatus));
            Assert.Contains("500", first.LastError, StringComparison.Ordinal);
            Assert.Equal(start.UtcDateTime + WebhookRules.Backoff(1), first.NextAttemptAtUtc!.Value, TimeSpan.FromSeconds(1));

            await Deliver(); // not due yet
            Assert.Single(ReceivedFor(owed.DeliveryId));

            app.Clock.SetUtcNow(start + TimeSpan.FromMinutes(2));
            await Deliver(); // second failure: five minutes more
            var second = await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == owed.Id));
            Assert.Equal(2, second.Attempts);
            Assert.Equal((start + TimeSpan.FromMinutes(2)).UtcDateTime + WebhookRules.Backoff(2), second.NextAttemptAtUtc!.Value, TimeSpan.FromSeconds(1));

            app.Clock.SetUtcNow(start + TimeSpan.FromMinutes(10));
            await Deliver();
            var posts = ReceivedFor(owed.DeliveryId);
            Assert.Equal(3, posts.Count);
            Assert.All(posts, p => Assert.Equal(posts[0].Body, p.Body)); // the same event, byte for byte
            Assert.NotNull((await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == owed.Id))).DeliveredAtUtc);

            // The last allowed attempt fails: given up, kept for the administrator.
            var id2 = await Dossiers.SubmittedAsync(app, clerk, "CS002");
            var doomed = Assert.Single(await DeliveriesOf(WebhookRules.NominationSubmitted, id2));
            await app.WithDb(db => db.WebhookDeliveries.Where(d => d.Id == doomed.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, WebhookRules.MaxAttempts - 1)));
            Receiver.FailNext = 1;
            await Deliver();
            var failed = await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == doomed.Id));
            Assert.NotNull(failed.FailedAtUtc);
            Assert.Null(failed.NextAttemptAtUtc);
            Assert.Equal("Thất bại", WebhookRules.State(failed));

            var admin = await app.SignedInAs("admin@demo.vn");
            var page = await Forms.GetDocumentAsync(admin, "/Webhooks?state=Failed");
            var row = page.QuerySelectorAll("[data-testid=webhooks] tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == doomed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("Thất bại", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Hồ sơ được gửi lên", row.TextContent, StringComparison.Ordinal);
            var form = (IHtmlFormElement)row.QuerySelector("form")!;
            Assert.Contains("Gửi lại sự kiện số", form.GetAttribute("data-confirm"), StringComparison.Ordinal);
            using var retried = await Forms.SubmitAsync(admin, "/Webhooks?state=Failed", form, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
            var again = await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == doomed.Id));
            Assert.Equal((0, (DateTime?)null), (again.Attempts, again.FailedAtUtc));
            await Deliver();
            Assert.NotNull((await app.WithDb(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == doomed.Id))).DeliveredAtUtc);
            Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "WebhookDelivery" && a.EntityId == doomed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Updated")));
        }
        finally
        {
            app.Clock.Reset();
            Receiver.FailNext = 0;
        }
    }

    [Fact]
    public async Task Only_the_administrator_reads_the_log_and_sends_again_and_a_delivered_event_is_not_sent_twice()
    {
        foreach (var email in new[] { "coso2@demo.vn", "tgdv@demo.vn" })
        {
            var cookie = await app.SignedInAs(email);
            using var page = await cookie.GetAsync("/Webhooks");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/Account/AccessDenied", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath);
            using var bearer = await app.BearerAs(email);
            using var list = await bearer.GetAsync("/api/v1/webhooks/deliveries");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var retry = await bearer.PostAsJsonAsync("/api/v1/webhooks/deliveries/1/retry", new { });
            Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        }

        using var clerk = await app.BearerAs("coso2@demo.vn");
        var id = await Dossiers.SubmittedAsync(app, clerk, "CS002");
        await Deliver();
        var owed = Assert.Single(await DeliveriesOf(WebhookRules.NominationSubmitted, id));
        using var admin = await app.BearerAs("admin@demo.vn");
        var log = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/webhooks/deliveries?state=Delivered&event=nomination.submitted")).RootElement;
        Assert.Contains(log.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetInt64() == owed.Id && d.GetProperty("state").GetString() == "Đã gửi");
        using var twice = await admin.PostAsJsonAsync($"/api/v1/webhooks/deliveries/{owed.Id}/retry", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("đã gửi thành công", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await admin.PostAsJsonAsync("/api/v1/webhooks/deliveries/999999999/retry", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public interface IWebhookApp
{
    WebhookReceiver Receiver { get; }
}

internal static class WebhookAppSettings
{
    public static IReadOnlyDictionary<string, string> For(WebhookReceiver receiver) => new Dictionary<string, string>
    {
        ["Webhooks:Endpoints:0:Url"] = new Uri(receiver.Address, "hook").ToString(),
        ["Webhooks:Endpoints:0:Secret"] = WebhooksTests.Secret,
        ["Webhooks:Endpoints:1:Url"] = new Uri(receiver.Address, "stories").ToString(),
        ["Webhooks:Endpoints:1:Secret"] = "khoa-rieng-cho-bai-viet-0123",
        ["Webhooks:Endpoints:1:Events"] = WebhookRules.StoryPublished,
    };
}

public sealed class WebhookSqliteAppFactory : SqliteAppFactory, IWebhookApp
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => WebhookAppSettings.For(Receiver);

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class WebhookPostgresAppFactory : PostgresAppFactory, IWebhookApp
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => WebhookAppSettings.For(Receiver);

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class WebhooksTests_Sqlite(WebhookSqliteAppFactory app) : WebhooksTests(app), IClassFixture<WebhookSqliteAppFactory>;

public sealed class WebhooksTests_Postgres(WebhookPostgresAppFactory app) : WebhooksTests(app), IClassFixture<WebhookPostgresAppFactory>;

/// <summary>With no receiver configured nothing is owed or sent, and settings that could not work stop the start.</summary>
[Collection(SqliteApp.Name)]
public sealed class WebhooksOffTests(SqliteAppFactory app)
{
    [Fact]
    public async Task Without_receivers_a_sent_dossier_owes_nothing()
    {
        using var clerk = await app.BearerAs("coso3@demo.vn");
        await Dossiers.SubmittedAsync(app, clerk, "CS003");
        Assert.Equal(0, await app.WithDb(db => db.WebhookDeliveries.CountAsync()));
    }

    [Theory]
    [InlineData("ftp://x.vn/hook", "khoa-ky-webhook-0123456789", null, "absolute http(s)")]
    [InlineData("https://x.vn/hook", "ngan", null, "at least 16")]
    [InlineData("https://x.vn/hook", "khoa-ky-webhook-0123456789", "nomination.deleted", "unknown events")]
    public void Settings_that_cannot_work_are_refused(string url, string secret, string? events, string complaint)
    {
        var values = new Dictionary<string, string?> { ["Webhooks:Endpoints:0:Url"] = url, ["Webhooks:Endpoints:0:Secret"] = secret, ["Webhooks:Endpoints:0:Events"] = events };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var error = Assert.Throws<InvalidOperationException>(() => { _ = new WebhookSettings(configuration); });
        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
    }
}
