using System.Globalization;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Exemplars.Domain.People;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>Issue 14 goal 5: the streaming XLSX writer, without a database.</summary>
public sealed class XlsxStreamWriterTests
{
    private static readonly string[] Risky = ["+84 912 345 678", "=1+1", "-2+3", "@SUM(1;2)", "\tTab", "=HYPERLINK(\"http://evil.example\",\"Bấm\")"];

    [Fact]
    public void Streamed_workbook_is_valid_and_quotes_formula_like_text_without_an_apostrophe()
    {
        IReadOnlyList<object?>[] rows =
        [
            .. Risky.Select(r => (IReadOnlyList<object?>)["Nguyễn Văn A", r, 1980, null]),
            ["Trần Thị B", "0912 345 678", 2.5, new DateOnly(2024, 5, 9)],
            ["Ký tự lạ \u0001 ở giữa", null, null, new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Unspecified)],
        ];
        var bytes = Bytes(XlsxStreamWriter.Write(["Tên", "Điện thoại", "Năm", "Ngày"], rows, maxRows: 100));

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            Assert.Equal("Danh sách", document.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name?.Value);
        }

        foreach (var text in Risky)
        {
            SpreadsheetFormulaTests.AssertQuotedText(bytes, text);
        }

        var read = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Tên", "Điện thoại", "Năm", "Ngày"], read[0].Keys);
        Assert.Equal(rows.Length, read.Count);
        Assert.Equal([.. Risky, "0912 345 678", null], read.Select(r => r["Điện thoại"]));
        Assert.Equal(1980d, read[0]["Năm"]); // numbers stay numbers
        Assert.Equal(2.5d, read[Risky.Length]["Năm"]);
        Assert.Equal("09/05/2024", read[Risky.Length]["Ngày"]); // dates are text dd/MM/yyyy
        Assert.Equal("31/12/2025", read[^1]["Ngày"]);
        Assert.Equal("Ký tự lạ \uFFFD ở giữa", read[^1]["Tên"]); // a character XML cannot hold does not break the file
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_not_cut_and_the_limit_itself_is_complete()
    {
        static IEnumerable<IReadOnlyList<object?>> Rows(int count) => Enumerable.Range(1, count).Select(i => (IReadOnlyList<object?>)[$"Người {i}", i]);

        var full = Bytes(XlsxStreamWriter.Write(["Tên", "Số"], Rows(5), maxRows: 5));
        var read = MiniExcelLibs.MiniExcel.Query(new MemoryStream(full), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Người {i}"), read.Select(r => (string?)r["Tên"]));

        var refused = XlsxStreamWriter.Write(["Tên", "Số"], Rows(6), maxRows: 5);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(ExportLimits.TooManyRowsCode, error.Code);
        Assert.Equal("Danh sách có hơn 5 dòng, vượt giới hạn của một tệp Excel. Hãy lọc theo đơn vị hoặc tìm kiếm rồi xuất lại.", error.Message);
        Assert.Contains("hơn 1.000.000 dòng", ExportLimits.TooManyRows(ExportLimits.DefaultMaxRows).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExportLimits { MaxRows = ExportLimits.SheetRows });
    }

    [Fact]
    public async Task The_temporary_file_is_deleted_once_the_export_is_read()
    {
        var result = await XlsxStreamWriter.WriteAsync(["Tên"], Rows(), name => [name], maxRows: 10, CancellationToken.None);
        var file = Assert.IsType<FileStream>(result.Value);
        var path = file.Name;
        var bytes = Bytes(result);
        Assert.NotEmpty(bytes);
        Assert.False(File.Exists(path), path);

        static async IAsyncEnumerable<string> Rows()
        {
            await Task.Yield();
            yield return "Nguyễn Văn A";
        }
    }

    internal static byte[] Bytes(Domain.Common.Result<Stream> result)
    {
        using var stream = result.Value;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Issue 14 goal 5: the people and nominations exports stream from the database and refuse, never cut, a list too long for one sheet.</summary>
public abstract class ExportStreamingTests(AppFactory app)
{
    private static List<IDictionary<string, object?>> Read(byte[] bytes) =>
        MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The people the CS002 clerk sees, as the export must show them, read straight from the database.</summary>
    private Task<List<string[]>> PeopleOfClerk() => app.WithDb(async db =>
    {
        var clerk = await db.Users.SingleAsync(u => u.Email == "coso2@demo.vn");
        var path = await db.Organizations.Where(o => o.Id == clerk.OrganizationId).Select(o => o.Path).SingleAsync();
        var scope = UserScopeRules.ScopePath(clerk.Role, path);
        var people = await db.People.Where(p => p.IsActive && p.Organization!.Path.StartsWith(scope))
            .OrderBy(p => p.Organization!.Code).ThenBy(p => p.FullName).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Code, p.FullName, p.BirthDate, p.Gender, p.Ethnicity, p.Position, UnitCode = p.Organization!.Code, p.IsPartyMember, p.PartyJoinYear, p.IsLeader,
                LedCode = p.LedOrganization == null ? null : p.LedOrganization.Code, p.FieldCategoryCode, Unit = p.Organization!.Name, p.Version,
            })
            .ToListAsync();
        return people.Select(p => new[]
        {
            p.Code, p.FullName, p.BirthDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
            p.Gender switch { Gender.Male => "Nam", Gender.Female => "Nữ", _ => string.Empty }, p.Ethnicity ?? string.Empty, p.Position ?? string.Empty, p.UnitCode,
            p.IsPartyMember ? "Có" : "Không", Text(p.PartyJoinYear), p.IsLeader ? "Có" : "Không", p.LedCode ?? string.Empty, p.FieldCategoryCode ?? string.Empty, p.Unit,
            p.Version.ToString(),
        }).ToList();
    });

    private static void AssertSameRows(List<string[]> expected, byte[] xlsx)
    {
        var read = Read(xlsx);
        Assert.Equal(ImportPeople.ExportHeaders, read[0].Keys);
        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], ImportPeople.ExportHeaders.Select(h => Text(read[i][h])).ToArray());
        }
    }

    [Fact]
    public async Task People_export_streams_a_valid_workbook_with_the_rows_of_the_database_and_formulas_quoted()
    {
        await app.WithDb(async db =>
        {
            var unit = await db.Organizations.SingleAsync(o => o.Code == "CS002");
            db.People.Add(new Person { Code = "STREAM-EVIL", FullName = "@SUM(1;2) Nguyễn", SearchName = "stream evil", OrganizationId = unit.Id, Position = "-Trưởng phòng", Ethnicity = "=1+1", PartyJoinYear = 2015, IsPartyMember = true, BirthDate = new DateOnly(1981, 3, 4) });
            return await db.SaveChangesAsync();
        });
        var expected = await PeopleOfClerk();
        Assert.True(expected.Count > 3, "the demo data gives the CS002 clerk a few people");

        using var api = await app.BearerAs("coso2@demo.vn");
        using var response = await api.GetAsync("/api/v1/people/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Spreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        }

        AssertSameRows(expected, xlsx);
        foreach (var risky in new[] { "@SUM(1;2) Nguyễn", "-Trưởng phòng", "=1+1" })
        {
            SpreadsheetFormulaTests.AssertQuotedText(xlsx, risky);
        }

        var row = Read(xlsx).Single(r => Text(r["Mã người"]) == "STREAM-EVIL");
        Assert.Equal("-Trưởng phòng", row["Chức vụ"]); // shown as is, no apostrophe
        Assert.Equal(2015d, row["Năm vào Đảng"]);
        Assert.Equal("04/03/1981", row["Ngày sinh"]);

        var page = await app.SignedInAs("coso2@demo.vn");
        AssertSameRows(expected, await page.GetByteArrayAsync("/People?handler=Export"));
    }

    [Fact]
    public async Task A_list_longer_than_the_limit_is_refused_on_the_api_and_the_page_and_at_the_limit_it_is_complete()
    {
        var limits = app.Services.GetRequiredService<ExportLimits>();
        var expected = await PeopleOfClerk();
        using var api = await app.BearerAs("coso2@demo.vn");
        var page = await app.SignedInAs("coso2@demo.vn");
        var message = $"Danh sách có hơn {expected.Count - 1} dòng, vượt giới hạn của một tệp Excel. Hãy lọc theo đơn vị hoặc tìm kiếm rồi xuất lại.";
        try
        {
            limits.MaxRows = expected.Count; // exactly at the limit: every row, nothing cut
            AssertSameRows(expected, await api.GetByteArrayAsync("/api/v1/people/export"));
            AssertSameRows(expected, await page.GetByteArrayAsync("/People?handler=Export"));

            limits.MaxRows = expected.Count - 1; // one row over: refused, no file
            using (var refused = await api.GetAsync("/api/v1/people/export"))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                Assert.Equal(message, problem.GetProperty("detail").GetString());
                Assert.Equal(ExportLimits.TooManyRowsCode, problem.GetProperty("code").GetString());
            }

            using (var refused = await page.GetAsync("/People?handler=Export"))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
                var html = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
                Assert.Equal(message, html.QuerySelector("[data-testid=export-error]")?.TextContent.Trim());
                Assert.NotNull(html.QuerySelector("form[role=search]")); // the list page itself, not an error page
            }

            // Nominations (secretariat, every round): the same refusal one row over the limit, complete at it.
            using var secretariat = await app.BearerAs("tgdv@demo.vn");
            limits.MaxRows = ExportLimits.DefaultMaxRows;
            var nominations = Read(await secretariat.GetByteArrayAsync("/api/v1/nominations/export"));
            Assert.NotEmpty(nominations);
            limits.MaxRows = nominations.Count;
            Assert.Equal(nominations.Count, Read(await secretariat.GetByteArrayAsync("/api/v1/nominations/export")).Count);
            limits.MaxRows = nominations.Count - 1;
            using (var refused = await secretariat.GetAsync("/api/v1/nominations/export"))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Contains($"hơn {nominations.Count - 1} dòng", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var secretariatPage = await app.SignedInAs("tgdv@demo.vn");
            using (var refused = await secretariatPage.GetAsync("/Nominations?handler=Export&round="))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                var html = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
                Assert.Contains("vượt giới hạn của một tệp Excel", html.QuerySelector("[data-testid=export-error]")?.TextContent, StringComparison.Ordinal);
            }

            // Organisations and recorded ratings stream through the same writer and refuse the same way.
            var admin = await app.SignedInAs("admin@demo.vn");
            limits.MaxRows = 1;
            using (var refused = await admin.GetAsync("/Organizations?handler=Export"))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Contains("vượt giới hạn của một tệp Excel", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            limits.MaxRows = ExportLimits.DefaultMaxRows;
            var ratings = Read(await page.GetByteArrayAsync("/People/Import?handler=ExportRatings"));
            Assert.NotEmpty(ratings);
            limits.MaxRows = ratings.Count;
            Assert.Equal(ratings.Select(r => Text(r["Phiên bản"])), Read(await page.GetByteArrayAsync("/People/Import?handler=ExportRatings")).Select(r => Text(r["Phiên bản"])));
            limits.MaxRows = ratings.Count - 1;
            using (var refused = await page.GetAsync("/People/Import?handler=ExportRatings"))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Contains("vượt giới hạn của một tệp Excel", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            limits.MaxRows = ExportLimits.DefaultMaxRows;
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class ExportStreamingTests_Sqlite(SqliteAppFactory app) : ExportStreamingTests(app);

[Collection(PostgresApp.Name)]
public sealed class ExportStreamingTests_Postgres(PostgresAppFactory app) : ExportStreamingTests(app);
