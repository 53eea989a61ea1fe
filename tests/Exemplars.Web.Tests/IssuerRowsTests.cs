namespace Exemplars.Web.Tests;

/// <summary>
/// Found by the API fuzz test (a random case in the full run of 2026-12-05): a null row in the issuer's officers or
/// terms was read as a row and answered 500. A null row is a blank row, as on the form.
/// </summary>
public abstract class IssuerRowsTests(AppFactory app)
{
    [Theory]
    [InlineData("officers")]
    [InlineData("terms")]
    [InlineData("decisionRecipients")]
    public async Task A_null_row_is_a_blank_row_not_a_failure(string list)
    {
        using var api = await app.BearerAs("admin@demo.vn");
        var body = "{\"symbol\":\"../../etc/passwd\",\"name\":\"" + new string('ệ', 400) + "\",\"" + list + "\":[null]}";
        using var created = await api.PostAsync("/api/v1/issuers/", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode); // the symbol and the long name are refused in Vietnamese
        Assert.Contains("Ký hiệu cơ quan ban hành", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var updated = await api.PutAsync("/api/v1/issuers/1", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
    }
}

[Collection(SqliteApp.Name)]
public sealed class IssuerRowsTests_Sqlite(SqliteAppFactory app) : IssuerRowsTests(app);

[Collection(PostgresApp.Name)]
public sealed class IssuerRowsTests_Postgres(PostgresAppFactory app) : IssuerRowsTests(app);
