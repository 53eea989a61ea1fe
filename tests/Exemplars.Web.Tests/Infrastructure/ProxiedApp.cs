using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// The app in its own process (Production) behind Debian's nginx running the README's site file
/// (<c>deploy/nginx-exemplars.conf</c>) with a throwaway self-signed certificate. nginx reaches the app from 127.0.0.3
/// (<c>proxy_bind</c>), the only proxy the app trusts, so the proxy's address and the client's (127.0.0.1) differ.
/// With several instances the site's upstream lists each (nginx's default round robin, as the README's several-instance
/// setup), and every answer carries <c>X-Upstream</c> (test only) naming the instance that gave it.
/// </summary>
public sealed class ProxiedApp : IAsyncLifetime
{
    /// <summary>The test-only header naming the instance (its address and port) that answered.</summary>
    public const string UpstreamHeader = "X-Upstream";

    public const string ProxyAddress = "127.0.0.3";

    /// <summary>The site's public name; clients connect to 127.0.0.1 whatever the name (no DNS needed). Not "localhost": HSTS is never sent to it.</summary>
    public const string Host = "thidua.test";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"exemplars-nginx-{Guid.NewGuid():N}");
    private Process? _nginx;

    public ProxiedApp()
        : this(1)
    {
    }

    internal ProxiedApp(int instances)
    {
        HttpsPort = FreePort.Next();
        HttpPort = FreePort.Next();
        Apps = [.. Enumerable.Range(0, instances).Select(_ => new ProcessApp())];
        foreach (var app in Apps)
        {
            app.Settings["ReverseProxy__KnownProxies__0"] = ProxyAddress;
            app.Settings["AllowedHosts"] = $"{Host};127.0.0.1"; // the public name, and the address health probes use
            app.Settings["ASPNETCORE_HTTPS_PORT"] = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            app.Settings["App__PublicBaseUrl"] = PublicBase.ToString();
        }
    }

    /// <summary>The instances behind the proxy, started one after the other.</summary>
    public IReadOnlyList<ProcessApp> Apps { get; }

    public ProcessApp App => Apps[0];

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public Uri PublicBase => new($"https://{Host}:{HttpsPort}/");

    public X509Certificate2? Certificate { get; private set; }

    /// <summary>
    /// A client of the proxy (https, or plain http on the proxy's port 80 stand-in) that reaches the site's name on
    /// 127.0.0.1, trusts exactly the throwaway certificate, keeps cookies and does not follow redirects.
    /// </summary>
    public HttpClient NewClient(bool https = true)
    {
#pragma warning disable CA2000 // the client owns its handler
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate!.Thumbprint;
#pragma warning restore CA2000
        return new HttpClient(handler) { BaseAddress = https ? PublicBase : new Uri($"http://{Host}:{HttpPort}/") };
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest($"CN={Host}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(Host);
            request.CertificateExtensions.Add(names.Build());
            Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(_folder, "fullchain.pem"), Certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(_folder, "privkey.pem"), rsa.ExportPkcs8PrivateKeyPem());
        }

        foreach (var app in Apps)
        {
            await app.InitializeAsync();
        }

        var upstreams = string.Join("\n    ", Apps.Select(a => $"server 127.0.0.1:{a.Port};"));
        var site = (await File.ReadAllTextAsync(SiteFile()))
            .Replace("thidua.example.vn", Host, StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{HttpPort};", StringComparison.Ordinal)
            .Replace("listen 443 ssl", $"listen 127.0.0.1:{HttpsPort} ssl", StringComparison.Ordinal)
            .Replace("/etc/ssl/exemplars/", _folder + "/", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:5000;", upstreams, StringComparison.Ordinal)
            .Replace("proxy_pass http://exemplars_app;", $"proxy_pass http://exemplars_app;\n        proxy_bind {ProxyAddress};" + (Apps.Count > 1 ? $"\n        add_header {UpstreamHeader} $upstream_addr always;" : string.Empty), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_folder, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(_folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log {{_folder}}/access.log;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/site.conf;
            }
            """);
        var start = new ProcessStartInfo("nginx", ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _nginx = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        for (var i = 0; i < 100; i++)
        {
            if (_nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped: {await _nginx.StandardError.ReadToEndAsync()} {ReadLog()}");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"nginx did not listen: {ReadLog()}");
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        Certificate?.Dispose();
        foreach (var app in Apps)
        {
            await app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string ReadLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : string.Empty;

    private static string SiteFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var site = Path.Combine(folder.FullName, "deploy", "nginx-exemplars.conf");
            if (File.Exists(site))
            {
                return site;
            }
        }

        throw new FileNotFoundException("deploy/nginx-exemplars.conf not found above " + AppContext.BaseDirectory);
    }
}
