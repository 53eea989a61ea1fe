using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Running behind a TLS-terminating reverse proxy (issue 15, item 1; README "Triển khai sau nginx"):
/// <list type="bullet">
/// <item><c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the addresses in
/// <c>ReverseProxy:KnownProxies</c> (or networks in <c>ReverseProxy:KnownNetworks</c>, CIDR), one hop; from anyone else
/// they are ignored, so a client cannot choose the address its limits are counted by. <c>X-Forwarded-Host</c> is never
/// believed: the host is checked against <c>AllowedHosts</c> and absolute links use <c>App:PublicBaseUrl</c>.</item>
/// <item>Outside Development: HSTS on HTTPS answers, and plain-HTTP requests redirected to HTTPS when the HTTPS port is
/// known (<c>https_port</c> / <c>ASPNETCORE_HTTPS_PORT</c>, e.g. the proxy's 443).</item>
/// <item>Cookies are <c>HttpOnly</c>, <c>SameSite</c> and <c>Secure</c> whenever the request came over HTTPS (directly or
/// as the proxy says), which behind the proxy is every request.</item>
/// </list>
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' không phải địa chỉ IP."));
            }

            foreach (var network in networks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' không phải dải địa chỉ CIDR."));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>Forwarded headers first (everything after sees the real client and scheme); HSTS and redirection outside Development.</summary>
    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Health probes come over plain HTTP from the machine itself (systemd, the load balancer): never redirected.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), web => web.UseHttpsRedirection());
        }

        return app;
    }
}
