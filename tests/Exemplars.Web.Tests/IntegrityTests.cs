using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 11 points 4, 6 and 8: audit rows in the same transaction as the change and append-only in the database,
/// a version on every write (428 without, 409 stale), bounded input (paging, numbers, XLSX bombs).
/// </summary>
public abstract class IntegrityTests(AppFactory app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private bool Postgres => app.Provider == "Postgres";

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Vietnam).DateTime);

    private Task<int> Sql(string sql) => app.WithDb(db => db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>A fault in the database that rejects audit rows matching <paramref name="condition"/> (on NEW).</summary>
    private Task<int> InjectAuditFault(string condition) => Postgres
        ? Sql($"""
            CREATE OR REPLACE FUNCTION test_audit_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF {condition} THEN RAISE EXCEPTION 'injected audit fault'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_audit_fault BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION test_audit_fault();
            """)
        : Sql($"CREATE TRIGGER test_audit_fault BEFORE INSERT ON audit_entries WHEN {condition} BEGIN SELECT RAISE(ABORT, 'injected audit fault'); END;");

    private Task<int> RemoveAuditFault() => Postgres
        ? Sql("DROP TRIGGER IF EXISTS test_audit_fault ON audit_entries; DROP FUNCTION IF EXISTS test_audit_fault();")
        : Sql("DROP TRIGGER IF EXISTS test_audit_fault;");

    [Fact]
    public async Task A_failed_audit_write_rolls_back_the_insert_or_update_it_records_and_is_not_reported_as_a_conflict()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var code = "F" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var form = new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Chi bộ Thử Ghi Nhật Ký", ["Input.Kind"] = "Grassroots", ["Input.HostUnitType"] = "StateAgency", ["Input.ParentCode"] = "DUK",
        };

        // An insert with a database-generated key: its audit row is written after the key is known, in the same transaction.
        await InjectAuditFault($"NEW.\"Changes\" LIKE '%{code}%'");
        try
        {
            using var failed = await Forms.SubmitAsync(admin, "/Organizations/Edit", form);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            var text = await failed.Content.ReadAsStringAsync();
            Assert.DoesNotContain("đã tồn tại", text, StringComparison.Ordinal);
            Assert.DoesNotContain("người khác sửa", text, StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAuditFault();
        }

        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code == code)));

        using (var created = await Forms.SubmitAsync(admin, "/Organizations/Edit", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var organization = await app.WithDb(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Code == code));
        var key = organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Organization" && a.EntityId == key && a.Action == "Created")));

        // An update: rejected audit row, so the rename is rolled back too.
        await InjectAuditFault($"NEW.\"EntityType\" = 'Organization' AND NEW.\"EntityId\" = '{key}' AND NEW.\"Action\" = 'Updated'");
        try
        {
            using var failed = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{organization.Id}", new Dictionary<string, string> { ["Input.Name"] = "Chi bộ Đổi Tên Không Thành" });
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        finally
        {
            await RemoveAuditFault();
        }

        var after = await app.WithDb(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id));
        Assert.Equal("Chi bộ Thử Ghi Nhật Ký", after.Name);
        Assert.Equal(organization.Version, after.Version);

        // The scoped context that failed does not retry the lost audit rows on its next save.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.People.OrderBy(p => p.Id).FirstAsync();
        await InjectAuditFault($"NEW.\"EntityType\" = 'Person' AND NEW.\"EntityId\" = '{person.Id}'");
        try
        {
            person.Position = "Thử lỗi " + code;
            await Assert.ThrowsAsync<AuditWriteException>(() => db.SaveChangesAsync());
        }
        finally
        {
            await RemoveAuditFault();
        }

        Assert.NotEqual("Thử lỗi " + code, await app.WithDb(d => d.People.Where(p => p.Id == person.Id).Select(p => p.Position).SingleAsync()));
    }

    [Fact]
    public async Task A_nomination_whose_audit_row_fails_is_not_kept_nor_reported_as_already_nominated()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn");
        var personId = await NewEligiblePerson();

        // The insert gets its key from the database; the audit row written with that key fails, so the insert goes too.
        await InjectAuditFault($"NEW.\"EntityType\" = 'Nomination' AND NEW.\"Changes\" LIKE '%\"PersonId\":[null,{personId}]%'");
        try
        {
            using var failed = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.DoesNotContain("đã được", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAuditFault();
        }

        Assert.False(await app.WithDb(db => db.Nominations.AnyAsync(n => n.PersonId == personId)));
        using var created = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Nomination" && a.EntityId == id && a.Action == "Created")));
    }

    [Fact]
    public async Task The_audit_log_refuses_every_rewrite_in_raw_sql()
    {
        var (id, changes, count) = await app.WithDb(async db =>
        {
            var first = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
            return (first.Id, first.Changes, await db.AuditEntries.CountAsync());
        });
        var columns = "(\"Id\", \"AtUtc\", \"EntityType\", \"EntityId\", \"Action\", \"Changes\")";
        var values = $"({id}, {(Postgres ? "now()" : "'2020-01-01 00:00:00'")}, 'Forged', '1', 'Deleted', '{{}}')";
        var attacks = new List<string>
        {
            $"UPDATE audit_entries SET \"Changes\" = 'x' WHERE \"Id\" = {id}",
            $"DELETE FROM audit_entries WHERE \"Id\" = {id}",
            $"INSERT INTO audit_entries {columns} VALUES {values} ON CONFLICT (\"Id\") DO UPDATE SET \"Changes\" = 'x'",
        };
        attacks.AddRange(Postgres
            ? ["TRUNCATE audit_entries", "TRUNCATE audit_entries CASCADE"]
            : [$"INSERT OR REPLACE INTO audit_entries {columns} VALUES {values}", $"REPLACE INTO audit_entries {columns} VALUES {values}", $"UPDATE OR REPLACE audit_entries SET \"Changes\" = 'x' WHERE \"Id\" = {id}"]);

        foreach (var attack in attacks)
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Sql(attack.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)));
        }

        var (changesAfter, countAfter) = await app.WithDb(async db =>
            (await db.AuditEntries.Where(a => a.Id == id).Select(a => a.Changes).SingleAsync(), await db.AuditEntries.CountAsync()));
        Assert.Equal(changes, changesAfter);
        Assert.True(countAfter >= count);
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Forged")));
    }

    [Fact]
    public async Task Twenty_parallel_editors_of_one_organisation_version_give_one_winner_and_a_missing_version_is_refused()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var code = "V" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (await Forms.SubmitAsync(admin, "/Organizations/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Chi bộ Thử Phiên Bản", ["Input.Kind"] = "Grassroots", ["Input.HostUnitType"] = "StateAgency", ["Input.ParentCode"] = "DUK",
        }))
        {
        }

        var id = await app.WithDb(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await Forms.GetDocumentAsync(admin, $"/Organizations/Edit/{id}")).QuerySelector("main form")!;

        using (var missing = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", form, new Dictionary<string, string> { ["Input.Version"] = string.Empty, ["Input.Name"] = "Chi bộ Không Phiên Bản" }))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("Thiếu phiên bản", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            using var response = await Forms.SubmitAsync(admin, $"/Organizations/Edit/{id}", form, new Dictionary<string, string> { ["Input.Name"] = $"Chi bộ Người Sửa Thứ {i}" });
            return (i, response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }));
        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.i != winner.i), r => Assert.Contains("vừa được người khác sửa", r.Text, StringComparison.Ordinal));
        Assert.Equal($"Chi bộ Người Sửa Thứ {winner.i}", await app.WithDb(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }

    /// <summary>A party member of CS001 rated excellent 2021–2024, in a final round whose deadline is still ahead.</summary>
    private Task<int> NewEligiblePerson() => app.WithDb(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Code == "2021-2025");
        if (round.GrassrootsDeadline < Today.AddDays(20))
        {
            round.GrassrootsDeadline = Today.AddDays(30);
        }

        var organization = await db.Organizations.SingleAsync(o => o.Code == "CS001");
        var code = "N" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var person = new Person { Code = code, FullName = "Đỗ Thị Hạnh " + code[..4], SearchName = "do thi hanh", OrganizationId = organization.Id, IsPartyMember = true, PartyJoinYear = 2010, FieldCategoryCode = "3.2.5" };
        for (var year = 2021; year <= 2024; year++)
        {
            person.Ratings.Add(new PersonRating { Year = year, Rating = Rating.Excellent });
        }

        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private async Task<int> DraftNomination(HttpClient clerk)
    {
        var personId = await NewEligiblePerson();
        using var response = await clerk.PostAsJsonAsync("/api/v1/nominations", new { round = "2021-2025", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private static object DossierBody(DateOnly today, Guid? version, string summary) => new
    {
        version,
        summary,
        minutesDate = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        membersTotal = 9, membersPresent = 7, votesAgree = 6, votesDisagree = 1, votesAbstain = 0, familyLawAttested = true,
    };

    [Fact]
    public async Task Dossier_writes_need_the_version_by_field_or_if_match_and_twenty_parallel_writers_give_one_winner()
    {
        using var clerk = await app.BearerAs("coso1@demo.vn", sendsReadVersion: false);
        var id = await DraftNomination(clerk);
        var version = JsonDocument.Parse(await clerk.GetStringAsync($"/api/v1/nominations/{id}")).RootElement.GetProperty("version").GetGuid();

        foreach (var (method, url, body) in new (HttpMethod, string, object)[]
        {
            (HttpMethod.Put, $"/api/v1/nominations/{id}", DossierBody(Today, null, "Không kèm phiên bản.")),
            (HttpMethod.Post, $"/api/v1/nominations/{id}/submit", new { }),
            (HttpMethod.Post, $"/api/v1/nominations/{id}/withdraw", new { }),
        })
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
            using var response = await clerk.SendAsync(request);
            Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("version_required", problem.GetProperty("code").GetString());
            Assert.Contains("Thiếu phiên bản", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/nominations/{id}") { Content = JsonContent.Create(DossierBody(Today, null, "Phiên bản cũ.")) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{Guid.NewGuid()}\""));
            using var response = await clerk.SendAsync(stale);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("người khác thay đổi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // 20 writers holding the same version: by If-Match for half of them, by the body field for the others.
        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/nominations/{id}")
            {
                Content = JsonContent.Create(DossierBody(Today, i % 2 == 0 ? version : null, $"Bản viết của người thứ {i}.")),
            };
            if (i % 2 == 1)
            {
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            }

            using var response = await clerk.SendAsync(request);
            return (i, response.StatusCode);
        }));
        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.i != winner.i), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal($"Bản viết của người thứ {winner.i}.", await app.WithDb(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Summary).SingleAsync()));
    }

    [Fact]
    public async Task Out_of_range_paging_and_numbers_are_a_400_problem_on_every_api_operation_and_page_1_on_pages()
    {
        using var admin = await app.BearerAs("admin@demo.vn", sendsReadVersion: false);
        using var secretariat = await app.BearerAs("btv1@demo.vn", sendsReadVersion: false);
        var lists = new[]
        {
            "/api/v1/organizations", "/api/v1/people", "/api/v1/nominations", "/api/v1/decisions", "/api/v1/comments",
            "/api/v1/rounds/2021-2025/tracker", "/api/v1/reports/periods",
        };
        foreach (var url in lists)
        {
            foreach (var query in new[] { "page=2147483647", "page=0", "page=-5", "pageSize=2147483647", "pageSize=0", "page=99999999999", "page=abc", "year=2147483647", "organizationId=-1" })
            {
                using var response = await secretariat.GetAsync($"{url}?{query}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}?{query} gave {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            using var ok = await secretariat.GetAsync($"{url}?page=1000000&pageSize=200");
            Assert.True(ok.StatusCode != HttpStatusCode.BadRequest && (int)ok.StatusCode < 500, $"{url} in range gave {(int)ok.StatusCode}");
        }

        using (var problem = await secretariat.GetAsync("/api/v1/organizations?page=2147483647"))
        {
            Assert.Contains("Số trang phải là một số nguyên", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var anonymous = app.CreateClient();
        using (var response = await anonymous.GetAsync("/api/v1/exemplars?page=2147483647"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // Every GET operation of the API, with paging out of range: never a 500.
        foreach (var route in ApiOperations(app).Where(o => o.Method == "GET").Select(o => o.Route))
        {
            using var response = await admin.GetAsync(Concrete(route, 1) + "?page=2147483647&pageSize=2147483647&year=2147483647");
            Assert.True((int)response.StatusCode < 500, $"GET {route} gave {(int)response.StatusCode}");
        }

        // Pages show page 1 for a page number out of range.
        var adminPages = await app.SignedInAs("admin@demo.vn");
        foreach (var url in new[] { "/Organizations?page=2147483647", "/Users?page=2147483647", "/Audit?page=2147483647", "/People?page=2147483647" })
        {
            using var response = await adminPages.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        }
    }

    /// <summary>A valid workbook around <paramref name="sheet"/> (a worksheet body) and <paramref name="sharedStrings"/>, streamed into the ZIP.</summary>
    private static byte[] Workbook(Action<Stream> sheet, Action<Stream>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, Action<Stream> write)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                write(stream);
            }

            void Text(string name, string text) => Add(name, s => s.Write(Encoding.UTF8.GetBytes(text)));
            Text("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Text("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Text("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Text("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", s =>
            {
                s.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""u8);
                sheet(s);
                s.Write("</worksheet>"u8);
            });
            Add("xl/sharedStrings.xml", s =>
            {
                s.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""u8);
                (sharedStrings ?? (x => x.Write("<si><t>Họ và tên</t></si>"u8)))(s);
                s.Write("</sst>"u8);
            });
        }

        return buffer.ToArray();
    }

    private static void Repeat(Stream stream, ReadOnlySpan<byte> unit, long times)
    {
        var block = new byte[unit.Length * 4096];
        for (var i = 0; i < 4096; i++)
        {
            unit.CopyTo(block.AsSpan(i * unit.Length));
        }

        for (long done = 0; done < times; done += 4096)
        {
            stream.Write(block, 0, (int)(Math.Min(4096, times - done) * unit.Length));
        }
    }

    [Fact]
    public async Task A_two_megabyte_xlsx_bomb_is_refused_with_a_clear_error_while_memory_stays_under_300_mb()
    {
        // ~1.6 GB of one shared string and ~100 MB of rows, packed to about 2 MB.
        var bomb = Workbook(
            sheet => { sheet.Write("<sheetData>"u8); Repeat(sheet, "<row><c t=\"s\"><v>0</v></c></row>"u8, 3_000_000); sheet.Write("</sheetData>"u8); },
            strings => { strings.Write("<si><t>"u8); Repeat(strings, "AAAAAAAAAAAAAAAA"u8, 100_000_000); strings.Write("</t></si>"u8); });
        Assert.InRange(bomb.Length, 1_000_000, 3_000_000);

        var admin = await app.SignedInAs("admin@demo.vn");
        var page = await Forms.GetDocumentAsync(admin, "/Users/Import");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var managedBaseline = GC.GetTotalMemory(forceFullCollection: false);
        long peak = 0, managedPeak = 0;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64 - baseline);
                managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false) - managedBaseline);
                await Task.Delay(10);
            }
        });

        string text;
        using (var response = await Forms.SubmitAsync(admin, "/Users/Import", (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, new Dictionary<string, string>(), ("file", "bom.xlsx", bomb)))
        {
            text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await done.CancelAsync();
        await sampler;
        Assert.Contains("khi giải nén quá lớn", text, StringComparison.Ordinal);
        Assert.True(peak < 300L * 1024 * 1024, $"working set grew by {peak / 1024 / 1024} MB");
        Assert.True(managedPeak < 300L * 1024 * 1024, $"managed memory grew by {managedPeak / 1024 / 1024} MB");
    }

    [Fact]
    public void Workbook_limits_refuse_too_many_rows_columns_and_shared_strings_while_a_normal_sheet_reads()
    {
        static Outcome Read(byte[] xlsx) => new(Spreadsheet.Read(new MemoryStream(xlsx), 100));

        var normal = Workbook(sheet => sheet.Write("""<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn A</t></is></c></row></sheetData>"""u8));
        var read = Spreadsheet.Read(new MemoryStream(normal), 100);
        Assert.True(read.IsSuccess, string.Join(" ", read.Errors.Select(e => e.Message)));
        Assert.Equal("Nguyễn Văn A", Assert.Single(read.Value).Get("Họ và tên"));

        Assert.Contains("quá nhiều dòng", Read(Workbook(sheet => { sheet.Write("<sheetData>"u8); Repeat(sheet, "<row><c t=\"s\"><v>0</v></c></row>"u8, 102); sheet.Write("</sheetData>"u8); })).Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều dòng", Read(Workbook(sheet => sheet.Write("""<dimension ref="A1:B1048576"/><sheetData/>"""u8))).Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều cột", Read(Workbook(sheet => sheet.Write("""<dimension ref="A1:XFD1"/><sheetData/>"""u8))).Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều cột", Read(Workbook(sheet => sheet.Write("""<sheetData><row r="1"><c r="XFD1" t="s"><v>0</v></c></row></sheetData>"""u8))).Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều cột", Read(Workbook(sheet => { sheet.Write("<sheetData><row>"u8); Repeat(sheet, "<c t=\"s\"><v>0</v></c>"u8, 101); sheet.Write("</row></sheetData>"u8); })).Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều chữ", Read(Workbook(sheet => sheet.Write("<sheetData/>"u8), strings => Repeat(strings, "<si><t>x</t></si>"u8, WorkbookLimits.MaxSharedStrings + 1))).Message, StringComparison.Ordinal);
        Assert.Contains("quá nhiều chữ", Read(Workbook(sheet => sheet.Write("<sheetData/>"u8), strings => { strings.Write("<si><t>"u8); Repeat(strings, "ạ"u8, WorkbookLimits.MaxSharedStringChars + 1); strings.Write("</t></si>"u8); })).Message, StringComparison.Ordinal);
    }

    private sealed record Outcome(string Message)
    {
        public Outcome(Exemplars.Domain.Common.Result<IReadOnlyList<SheetRow>> read)
            : this(read.IsSuccess ? "(đọc được)" : string.Join(" ", read.Errors.Select(e => e.Message)))
        {
        }
    }

    public static List<(string Route, string Method)> ApiOperations(AppFactory app) => app.Services
        .GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>()
        .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => ("/" + e.RoutePattern.RawText!.TrimStart('/'), m)))
        .Where(e => e.Item1.StartsWith("/api/", StringComparison.Ordinal))
        .Distinct()
        .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)
        .ToList();

    public static string Concrete(string route, long id) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
    {
        "code" => "2021-2025",
        "idOrCode" => "1",
        _ when m.Groups[2].Value.StartsWith(":int", StringComparison.Ordinal) || m.Groups[1].Value.EndsWith("Id", StringComparison.Ordinal) || m.Groups[1].Value == "id"
            => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "x",
    });

    [Fact]
    public void Paging_and_organisation_paths_never_overflow_or_throw()
    {
        Assert.Equal(1, new PageRequest(int.MaxValue, int.MaxValue).SafePage);
        Assert.Equal(PageRequest.MaxSize, new PageRequest(int.MaxValue, int.MaxValue).SafeSize);
        Assert.Equal((PageRequest.MaxPage - 1) * PageRequest.MaxSize, new PageRequest(PageRequest.MaxPage, PageRequest.MaxSize).Skip);
        Assert.Equal(0, new PageRequest(int.MinValue, int.MinValue).Skip);
        Assert.Equal(1, PageRequest.PageFrom("2147483648"));
        Assert.Equal(1, PageRequest.PageFrom("-3"));
        Assert.Equal(7, PageRequest.PageFrom("7"));

        Assert.Equal(2, OrganizationPath.UpperCommittee("/1/2/15/"));
        Assert.Equal(2, OrganizationPath.UpperCommittee("/1/2/"));
        Assert.Equal(1, OrganizationPath.UpperCommittee("/1/"));
        Assert.Null(OrganizationPath.UpperCommittee("/"));
        Assert.Null(OrganizationPath.UpperCommittee(null));
    }
}

[Collection(SqliteApp.Name)]
public sealed class IntegrityTests_Sqlite(SqliteAppFactory app) : IntegrityTests(app);

[Collection(PostgresApp.Name)]
public sealed class IntegrityTests_Postgres(PostgresAppFactory app) : IntegrityTests(app);
