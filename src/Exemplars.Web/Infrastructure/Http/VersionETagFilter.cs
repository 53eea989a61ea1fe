using System.Reflection;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Every API answer that is one versioned resource (a value with a <c>Version</c> Guid, ADR 012) carries that version as
/// its ETag, to be sent back in <c>If-Match</c> with a change; a list's page has none. Set once here rather than by each
/// endpoint.
/// </summary>
public sealed class VersionETagFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var value = result switch
        {
            IValueHttpResult { Value: { } v } => v,
            IResult => null,
            _ => result,
        };
        if (value is not null && HttpMethods.IsGet(http.Request.Method) && http.Response.Headers.ETag.Count == 0
            && Properties.GetOrAdd(value.GetType(), VersionOf) is { } property && property.GetValue(value) is Guid version && version != Guid.Empty)
        {
            Features.Common.Versions.SetETag(http, version);
        }

        return result;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo?> Properties = new();

    private static PropertyInfo? VersionOf(Type type) =>
        type.GetProperty("Version", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } property && t == typeof(Guid) ? property : null;
}
