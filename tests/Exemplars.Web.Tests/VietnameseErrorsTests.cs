using System.Net.Http.Headers;
using System.Text;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 15, item 5: every 4xx answer says what went wrong in Vietnamese — a page inside the layout for people, problem
/// details with a Vietnamese title and detail for API callers — including the answers the framework gives before any
/// handler runs (a body too large, unreadable JSON, a wrong content type, a wrong method).
/// </summary>
public abstract class VietnameseErrorsTests(AppFactory app)
{
    [Fact]
    public async Task Api_answers_the_framework_gives_are_vietnamese_problem_details()
    {
        using var api = await app.BearerAs("coso1@demo.vn");

        await Expect(await api.PostAsync("/api/v1/nominations", new StringContent("{ not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "JSON");
        await Expect(await api.PostAsync("/api/v1/nominations", new StringContent("round=1", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "application/json");
        await Expect(await api.PutAsync("/api/v1/organizations", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.MethodNotAllowed, "phương thức");
        await Expect(await api.GetAsync("/api/v1/khong-co"), HttpStatusCode.NotFound, "Không tìm thấy");
        await Expect(await api.GetAsync("/api/v1/organizations?page=abc"), HttpStatusCode.BadRequest, "Số trang");
    }

    internal static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string inDetail)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = System.Text.Json.JsonDocument.Parse(body);
            var title = problem.RootElement.GetProperty("title").GetString()!;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? string.Empty : string.Empty;
            Assert.True(title.Any(c => c > 127) || detail.Any(c => c > 127), $"not Vietnamese: {body}");
            Assert.Contains(inDetail, title + " " + detail, StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>The answers only a real server gives: Kestrel refuses a body past the endpoint's limit while it is read.</summary>
[Collection(KestrelApp.Name)]
public sealed class VietnameseErrorsOnKestrelTests(KestrelAppFactory app)
{
    [Fact]
    public async Task An_import_larger_than_the_limit_gets_a_vietnamese_page_that_names_the_limit()
    {
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var document = await Forms.GetDocumentAsync(secretariat, "/People/Import");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var response = await Forms.SubmitAsync(secretariat, "/People/Import", form, new Dictionary<string, string>(), ("file", "lon.xlsx", new byte[11 * 1024 * 1024]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {Forms.Parse(html).QuerySelector("main")?.TextContent}");
        Assert.Contains("Tệp quá lớn", html, StringComparison.Ordinal);
        Assert.Contains("10 MB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_larger_than_the_limit_gets_a_vietnamese_413_problem()
    {
        using var api = await app.BearerAs("coso1@demo.vn");
        // As curl and browsers do for large bodies, the client waits for "100 Continue", so it hears the refusal.
        using var tooLarge = new MultipartFormDataContent { { new ByteArrayContent(new byte[30 * 1024 * 1024]), "file", "lon.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/nominations/1/evidence") { Content = tooLarge };
        request.Headers.ExpectContinue = true;
        await VietnameseErrorsTests.Expect(await api.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "20 MB");
    }
}

[Collection(SqliteApp.Name)]
public sealed class VietnameseErrorsTests_Sqlite(SqliteAppFactory app) : VietnameseErrorsTests(app);

[Collection(PostgresApp.Name)]
public sealed class VietnameseErrorsTests_Postgres(PostgresAppFactory app) : VietnameseErrorsTests(app);
