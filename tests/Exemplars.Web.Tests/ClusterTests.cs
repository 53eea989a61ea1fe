using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Exemplars.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Two instances of the app on one PostgreSQL behind nginx round robin (issue 18, ADR 033). Each answer names the
/// instance that gave it (<see cref="ProxiedApp.UpstreamHeader"/>), and every step asserts that the two halves of what it
/// checks landed on different instances — a test that happened to hit one instance twice fails instead of passing.
/// </summary>
public sealed partial class ClusterTests(ClusterApp cluster) : IClassFixture<ClusterApp>
{
    private ProxiedApp Proxy => cluster.Proxy;

    private static string Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ProxiedApp.UpstreamHeader, out var values) ? values.Single() : throw new InvalidOperationException("No upstream header: the answer did not come through the proxy.");

    /// <summary>GETs a page, again if needed, until it comes from the given instance (or from any other, with <paramref name="other"/>).</summary>
    private static async Task<(IHtmlDocument Document, string Upstream)> PageFrom(HttpClient client, string url, string? instance = null, bool other = false)
    {
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var upstream = Upstream(response);
            if (instance is null || (upstream == instance) != other)
            {
                return (Forms.Parse(await response.Content.ReadAsStringAsync()), upstream);
            }
        }

        throw new InvalidOperationException($"nginx never sent {url} to the wanted instance.");
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = Proxy.NewClient();
        var (page, getOn) = await PageFrom(client, "/Account/Login");
        using var signIn = await Forms.SubmitAsync(client, "/Account/Login", (IHtmlFormElement)page.QuerySelector("main form")!, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode); // the antiforgery token of one instance, accepted by the other
        Assert.NotEqual(getOn, Upstream(signIn));
        return client;
    }

    private async Task<HttpClient> Bearer(string email)
    {
        var client = Proxy.NewClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AppFactory.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_form_from_one_instance_posts_to_the_other_and_a_deactivation_on_one_holds_on_both_at_once()
    {
        using var admin = await SignedIn("admin@demo.vn");
        using var member = await SignedIn("coso2@demo.vn");

        // The member's cookie works on both instances (each now keeps the member in its signed-in cache).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            using var home = await member.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            seen.Add(Upstream(home));
        }

        Assert.Equal(2, seen.Count);

        // The administrator's list comes from one instance, its deactivation form is posted to the other.
        var (users, listedOn) = await PageFrom(admin, "/Users?search=coso2%40demo.vn");
        var form = users.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector("input[name=active][value=false]") is not null);
        using (var deactivated = await Forms.SubmitAsync(admin, "/Users?search=coso2%40demo.vn", form, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
            Assert.NotEqual(listedOn, Upstream(deactivated));
        }

        // Both instances refuse the member at once (the cookie's security stamp is checked against the database).
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var until = DateTime.UtcNow.AddSeconds(4);
        while (refused.Count < 2 && DateTime.UtcNow < until)
        {
            using var home = await member.GetAsync("/");
            if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal))
            {
                refused.Add(Upstream(home));
            }
        }

        Assert.Equal(2, refused.Count);
    }

    [GeneratedRegex("data-testid=\"org-count\">([0-9.]+)<")]
    private static partial Regex OrganisationCount();

    [Fact]
    public async Task A_count_kept_in_memory_follows_a_change_made_on_another_instance_at_once()
    {
        using var secretariat = await SignedIn("tgdv@demo.vn");
        async Task<Dictionary<string, int>> Shown()
        {
            var shown = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < 2; i++)
            {
                using var home = await secretariat.GetAsync("/");
                var match = OrganisationCount().Match(await home.Content.ReadAsStringAsync());
                Assert.True(match.Success, "the home page shows the organisation count");
                shown[Upstream(home)] = int.Parse(match.Groups[1].Value.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }

            Assert.Equal(2, shown.Count);
            return shown;
        }

        var before = await Shown(); // each instance now keeps the count (it is counted once, then kept until a change)
        Assert.Single(before.Values.Distinct());
        var count = before.Values.First();

        // A third instance (the in-process one) deactivates a unit: both processes show one fewer within seconds.
        var unit = await cluster.Setup.WithDb(db => db.Organizations.Where(o => o.IsActive && o.Kind == Domain.Organizations.OrganizationKind.Grassroots && !o.Code.StartsWith("CS00")).OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync());
        async Task SetActive(bool active) => await cluster.Setup.WithDb(async db =>
        {
            var o = await db.Organizations.SingleAsync(x => x.Id == unit);
            db.Entry(o).Property(x => x.IsActive).CurrentValue = active;
            return await db.SaveChangesAsync();
        });

        async Task Expect(int expected)
        {
            var until = DateTime.UtcNow.AddSeconds(4);
            var shown = await Shown();
            while (shown.Values.Any(v => v != expected) && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
                shown = await Shown();
            }

            Assert.All(shown.Values, v => Assert.Equal(expected, v));
        }

        await SetActive(false);
        try
        {
            await Expect(count - 1);
        }
        finally
        {
            await SetActive(true);
        }

        await Expect(count);
    }

    [Fact]
    public async Task A_file_uploaded_on_one_instance_downloads_from_the_other()
    {
        using var api = await Bearer("coso1@demo.vn");
        using var pages = await SignedIn("coso1@demo.vn");
        var bytes = SampleFiles.Pdf("cụm hai bản " + Guid.NewGuid());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "minh-chung.pdf" }, { new StringContent("3.2.5.1"), "criterionCode" } };
        using var read = await api.GetAsync($"/api/v1/nominations/{cluster.DraftNomination}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/nominations/{cluster.DraftNomination}/evidence") { Content = form };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        using var upload = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var uploadedOn = Upstream(upload);
        var fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var downloadedOn = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            using var download = await pages.GetAsync($"/Nominations/Details/{cluster.DraftNomination}?handler=File&fileId={fileId}");
            Assert.True(download.StatusCode == HttpStatusCode.OK, $"{download.StatusCode} from {Upstream(download)} (uploaded on {uploadedOn})");
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
            downloadedOn.Add(Upstream(download));
        }

        Assert.Contains(downloadedOn, on => on != uploadedOn);
    }

    [Fact]
    public async Task The_public_comment_limit_counts_the_posts_of_both_instances()
    {
        using var visitor = Proxy.NewClient();
        var before = await cluster.Setup.WithDb(db => db.PublicComments.CountAsync());
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ClusterApp.CommentPermits; i++)
        {
            // The form page from one instance, posted to the other: its antiforgery token is accepted there.
            var (page, pageOn) = await PageFrom(visitor, "/PublicComments/Candidates");
            var commentForm = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
                .First(f => f.QuerySelector($"input[name=NominationId][value='{cluster.CommentedNomination}']") is not null);
            using var posted = await Forms.SubmitAsync(visitor, "/PublicComments/Candidates", commentForm, new Dictionary<string, string> { ["Text"] = $"Ý kiến thứ {i + 1} gửi qua hai máy chủ, đồng chí rất gương mẫu." });
            Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            Assert.NotEqual(pageOn, Upstream(posted));
            accepted.Add(Upstream(posted));
        }

        // One more from the same address is refused on either instance, by the API as by the form.
        for (var i = 0; i < 2; i++)
        {
            using var refused = await visitor.PostAsJsonAsync("/api/v1/public/comments", new { nominationId = cluster.CommentedNomination, text = "Một ý kiến nữa, quá số lần cho phép." });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            accepted.Add(Upstream(refused));
        }

        Assert.Equal(2, accepted.Count);
        Assert.Equal(before + ClusterApp.CommentPermits, await cluster.Setup.WithDb(db => db.PublicComments.CountAsync()));
    }

    [GeneratedRegex("\"Timestamp\":\"(?<at>[^\"]+)\"")]
    private static partial Regex TimestampField();

    [Fact]
    public async Task Each_firing_of_the_reminder_job_runs_on_one_instance_and_every_unit_gets_one_notice()
    {
        static List<DateTime> Runs(IEnumerable<ProcessApp> apps) => [.. apps.SelectMany(a => a.Output)
            .Where(l => l.Contains("Deadline reminders:", StringComparison.Ordinal))
            .Select(l => DateTime.Parse(TimestampField().Match(l).Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
            .Order()];

        // The job fires every 20 s on the clock, on a schedule both instances were given.
        var until = DateTime.UtcNow.AddSeconds(75);
        while (Runs(Proxy.Apps).Count < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
        }

        await Task.Delay(3000); // a second instance's run of the same firing would be logged by now
        var runs = Runs(Proxy.Apps);
        Assert.True(runs.Count >= 2, "The reminder job did not run twice in 75 s:\n" + string.Join('\n', Proxy.Apps.SelectMany(a => a.Output).TakeLast(40)));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i] - runs[i - 1] > TimeSpan.FromSeconds(10), $"Two runs of one firing: {runs[i - 1]:O} and {runs[i]:O}");
        }

        var notices = await cluster.Setup.WithDb(db => db.Notifications.Where(n => n.Text.Contains(cluster.DueRound))
            .GroupBy(n => n.OrganizationId).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(notices);
        Assert.All(notices, count => Assert.Equal(1, count));
    }
}
