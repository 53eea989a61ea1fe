using System.Collections.Concurrent;
using System.Net;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// A minimal OTLP/HTTP collector: accepts POSTs to /v1/traces, /v1/metrics and /v1/logs and keeps their protobuf
/// bodies (the strings inside — span names, attribute values, metric names — are plain UTF-8 in the wire format).
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

    public OtlpReceiver()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public Uri Address { get; }

    /// <summary>Waits until a body posted to <paramref name="path"/> holds <paramref name="text"/>.</summary>
    public async Task<bool> WaitForAsync(string path, string text, TimeSpan timeout)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(needle) >= 0))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        if (_listener.IsListening)
        {
            _listener.Close();
        }
    }
}
