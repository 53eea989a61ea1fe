using System.Net;
using System.Net.Sockets;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on now, for a server a test starts (the app's process, nginx, a collector).</summary>
public static class FreePort
{
    public static int Next()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
