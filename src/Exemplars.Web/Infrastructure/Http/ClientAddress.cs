using System.Net;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>The client address the per-address limits are keyed by (sign-in throttle, public comments).</summary>
public static class ClientAddress
{
    /// <summary>An IPv4 address written the same way whether it came mapped into IPv6 or not; "unknown" without one.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
