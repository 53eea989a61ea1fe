using System.Net.Http.Headers;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// A read answered afresh, as a hard reload asks (<c>Cache-Control: no-cache</c>), for tests that change what a page
/// shows around the app — in SQL or in the configuration — where a kept answer (ADR 034) may stand for up to a minute.
/// </summary>
public static class Afresh
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static async Task<string> GetAfreshAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<T?> GetAfreshFromJsonAsync<T>(this HttpClient client, string url) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(await client.GetAfreshAsync(url), Web);
}
