using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// Makes a bearer test client behave as the app's own pages do: a write to a dossier that carries no <c>If-Match</c>
/// header is sent with the version the caller reads just before (a version in the body still wins on the server).
/// Tests of missing or stale versions use a client without this handler, or send their own header or body field.
/// </summary>
public sealed partial class SendsReadVersion : DelegatingHandler
{
    [GeneratedRegex(@"^/api/v1/nominations/(\d+)(/(submit|withdraw|return|accept|evidence))?$")]
    private static partial Regex DossierWrite();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Delete && request.Headers.IfMatch.Count == 0
            && request.RequestUri is { } uri && DossierWrite().Match(uri.AbsolutePath) is { Success: true } match)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, $"/api/v1/nominations/{match.Groups[1].Value}"));
            read.Headers.Authorization = request.Headers.Authorization;
            using var response = await base.SendAsync(read, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (body.RootElement.TryGetProperty("version", out var version))
                {
                    request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.GetGuid()}\""));
                }
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
