using System.Net.Http.Headers;
using System.Text.Json;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 15, item 1: the app behind nginx with TLS, as the README deploys it — sign-in, a form post and a download
/// through the proxy; HSTS and cookie flags; the client address the app sees (neither the proxy's nor a forged one);
/// plain HTTP redirected; hosts outside AllowedHosts refused; absolute links from the configured public URL.
/// </summary>
public sealed class ReverseProxyTests(ProxiedApp proxied) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task Sign_in_a_form_post_and_a_download_go_through_nginx_with_tls_and_secure_cookies()
    {
        using var client = proxied.NewClient();
        using var loginPage = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        Assert.Contains("max-age=", string.Join(";", loginPage.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgery = Cookie(loginPage, ".AspNetCore.Antiforgery");
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var signIn = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = ProcessApp.AdminEmail,
            ["Input.Password"] = ProcessApp.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = Cookie(signIn, "exemplars.auth");
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        // Redirects stay on the public https address, as the proxy reported the scheme.
        Assert.DoesNotContain("http://", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var download = await client.GetAsync("/Organizations?handler=Export");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await download.Content.ReadAsByteArrayAsync())[..2]);

        using var signOut = await Forms.SubmitAsync(client, "/", new Dictionary<string, string>(), "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/Organizations");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_counts_the_client_address_nginx_saw_never_the_proxy_nor_a_forged_header()
    {
        using var client = proxied.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email = "khong-co@tinh.vn", password = "Sai-mat-khau-2026" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var line = await LogLineOf(refused);
        Assert.Contains("127.0.0.1", line, StringComparison.Ordinal);
        Assert.DoesNotContain(ProxiedApp.ProxyAddress, line, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", line, StringComparison.Ordinal);

        // Straight to the app, the same headers from an unknown address are ignored: not https, so redirected; the
        // health probe (never redirected) still answers over plain HTTP.
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = proxied.App.Address };
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        forged.Headers.Add("X-Forwarded-For", "198.51.100.7");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        using var redirected = await direct.SendAsync(forged);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.StartsWith($"https://127.0.0.1:{proxied.HttpsPort}/Account/Login", redirected.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var ready = await direct.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Plain_http_is_redirected_unknown_hosts_are_refused_and_links_use_the_public_address()
    {
        using var plain = proxied.NewClient(https: false);
        using var toHttps = await plain.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.MovedPermanently, toHttps.StatusCode);
        Assert.StartsWith($"https://{ProxiedApp.Host}/Account/Login", toHttps.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var client = proxied.NewClient();
        using var evil = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        evil.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(evil);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var feed = await client.GetAsync("/showcase/feed.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var atom = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        var links = atom.Descendants().Where(e => e.Name.LocalName == "link").Select(e => (string?)e.Attribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith(proxied.PublicBase.ToString().TrimEnd('/'), href, StringComparison.Ordinal));
    }

    private async Task<string> LogLineOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var requestId = problem.RootElement.GetProperty("requestId").GetString()!;
        var line = await proxied.App.WaitForLineAsync(l => l.Contains(requestId, StringComparison.Ordinal) && l.Contains("Sign-in refused", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.True(line is not null, $"no log line for request {requestId}");
        return line;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(name, StringComparison.Ordinal)) is { } cookie
            ? cookie
            : throw new Xunit.Sdk.XunitException($"no cookie {name}");
}
