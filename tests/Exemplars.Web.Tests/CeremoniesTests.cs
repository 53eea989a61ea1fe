using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 16 point 2: the ceremony of a round's Quyết định (ADR 027), planned from the decision's page, with the
/// invitation list built from its awards and the registry's leaders, party-format invitations, the roll, the seating
/// plan, the certificates in the order they are presented, the outcome (held, story, photos) and its scope.
/// </summary>
public abstract class CeremoniesTests(AppFactory app)
{
    private const string Secretariat = "tgdv@demo.vn";

    private async Task<Decision> FinalDecision() => await app.WithDb(db => db.Decisions.AsNoTracking().Include(d => d.Awards)
        .Where(d => d.Type == DocumentType.Decision && d.Awards.Count > 0 && db.Rounds.Any(r => r.Id == d.RoundId && r.Code == "2021-2025"))
        .OrderBy(d => d.Id).FirstAsync());

    /// <summary>A ceremony planned through the Create page's form, as the secretariat's browser posts it.</summary>
    private static async Task<int> CreateThroughThePage(HttpClient secretariat, int decisionId, string place)
    {
        var register = await secretariat.GetStringAsync("/Decisions");
        Assert.Contains($"/Ceremonies/Create?decision={decisionId}", register, StringComparison.Ordinal);
        using var posted = await Forms.SubmitAsync(secretariat, $"/Ceremonies/Create?decision={decisionId}", new Dictionary<string, string> { ["Place"] = place });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        return int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_ceremony_planned_from_the_decision_invites_each_awardee_once_and_their_units_leaders_and_prints_in_presentation_order()
    {
        var decision = await FinalDecision();
        var secretariat = await app.SignedInAs(Secretariat);
        var form = await secretariat.GetStringAsync($"/Ceremonies/Create?decision={decision.Id}");
        Assert.Contains("Chào cờ", form, StringComparison.Ordinal);
        Assert.Contains("Ngày sinh", form, StringComparison.Ordinal); // the round's occasion (19/5)
        var id = await CreateThroughThePage(secretariat, decision.Id, "Hội trường A, tầng 2");

        var guests = await app.WithDb(db => db.Set<CeremonyGuest>().AsNoTracking().Where(g => g.CeremonyId == id).OrderBy(g => g.Order).ToListAsync());
        var awardees = guests.Where(g => g.Kind.IsAwardee()).ToList();
        Assert.Equal(decision.Awards.Select(a => a.Id).Order(), awardees.Select(g => g.AwardId!.Value).Order());
        var leaderUnits = await app.WithDb(db => db.People.Where(p => p.IsActive && p.IsLeader && guests.Select(g => g.OrganizationId).Contains(p.LedOrganizationId)).Select(p => p.Id).ToListAsync());
        var leaders = guests.Where(g => g.Kind == GuestKind.UnitLeader).ToList();
        Assert.Equal(leaders.Count, leaders.Select(l => (l.PersonId, l.OrganizationId)).Distinct().Count());
        Assert.All(leaders, l => Assert.Contains(l.PersonId!.Value, leaderUnits));
        Assert.DoesNotContain(leaders, l => awardees.Any(a => a.PersonId == l.PersonId));
        // Front rows for the commended in presentation order, leaders from a row of their own behind them.
        Assert.Equal("A01", awardees[0].Seat);
        var order = PresentationOrder.Sort(decision.Awards, a => a.PersonId is null, a => a.RecipientName).Select(a => a.Id).ToList();
        Assert.Equal(order, awardees.Select(g => g.AwardId!.Value));

        using var api = await app.BearerAs(Secretariat);
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        Assert.Equal(guests.Count, one.GetProperty("counts").GetProperty("invited").GetInt32());
        var presented = one.GetProperty("presentationOrder").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(PresentationOrder.Sort(decision.Awards, a => a.PersonId is null, a => a.RecipientName).Select(a => a.RecipientName), presented);

        // The certificates come off the printer in that order (one page each, first page = first presented).
        var folder = Directory.CreateTempSubdirectory("exemplars-ceremony-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "giay-khen.pdf");
            await File.WriteAllBytesAsync(pdf, await api.GetByteArrayAsync($"/api/v1/decisions/{decision.Id}/certificates"));
            var first = await Office.Run("pdftotext", $"-f 1 -l 1 \"{pdf}\" -");
            Assert.Contains(presented[0]!, first, StringComparison.Ordinal);
            Assert.Contains(CertificateNumber(decision, 1), first, StringComparison.Ordinal);

            // The invitations: valid Open XML, one page per guest as LibreOffice lays them out, the issuer from data.
            var docx = Path.Combine(folder.FullName, "giay-moi.docx");
            var bytes = await secretariat.GetByteArrayAsync($"/Ceremonies/Details/{id}?handler=Invitations");
            await File.WriteAllBytesAsync(docx, bytes);
            string text;
            using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            {
                Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
                text = word.MainDocumentPart!.Document.Body!.InnerText;
            }

            var issuer = await app.WithDb(db => db.Set<Issuer>().AsNoTracking().SingleAsync(i => i.Symbol == decision.Issuer));
            Assert.Equal(guests.Count, System.Text.RegularExpressions.Regex.Count(text, "GIẤY MỜI"));
            foreach (var expected in new[] { issuer.Name, "ĐẢNG CỘNG SẢN VIỆT NAM", "-GM/" + issuer.Symbol, "T/M " + issuer.SigningOrgan, "Hội trường A, tầng 2", "Chỗ ngồi: A01", awardees[^1].Name })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            var pdfText = await Office.ToPdfText(docx, folder.FullName);
            Assert.Contains("GIẤY MỜI", pdfText, StringComparison.Ordinal);
            Assert.Matches($@"Pages:\s+{guests.Count}\b", await Office.Run("pdfinfo", $"\"{Path.ChangeExtension(docx, ".pdf")}\""));

            // Attendance list and seating plan: real workbooks, one row per guest.
            foreach (var handler in new[] { "Attendance", "Seating" })
            {
                var xlsx = await secretariat.GetByteArrayAsync($"/Ceremonies/Details/{id}?handler={handler}");
                using var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
                Assert.Empty(new OpenXmlValidator().Validate(sheet));
                var rows = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
                Assert.Equal(guests.Count + 1, rows);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string CertificateNumber(Decision decision, int position) =>
        Web.Features.Documents.CertificatesDocument.Handler.RegisterNumber(decision.DocumentNumber, position);

    [Fact]
    public async Task Guests_are_added_and_removed_behind_a_confirmation_the_roll_is_kept_and_the_dashboard_counts_it()
    {
        var decision = await FinalDecision();
        var secretariat = await app.SignedInAs(Secretariat);
        var id = await CreateThroughThePage(secretariat, decision.Id, "Nhà văn hóa");
        var page = $"/Ceremonies/Details/{id}";

        using (var added = await Forms.SubmitAsync(secretariat, page, new Dictionary<string, string> { ["kind"] = "Guest", ["name"] = "Nguyễn Khách Mời", ["position"] = "Phóng viên" }, "form[action*='handler=AddGuest']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var html = await secretariat.GetStringAsync(page);
        Assert.Contains("Nguyễn Khách Mời", html, StringComparison.Ordinal);
        Assert.Contains("KM01", html, StringComparison.Ordinal);
        var document = Forms.Parse(html);
        var remove = document.QuerySelectorAll("form[action*='handler=RemoveGuest']").First(f => f.ParentElement!.ParentElement!.TextContent.Contains("Nguyễn Khách Mời", StringComparison.Ordinal));
        Assert.Contains("Bỏ Nguyễn Khách Mời khỏi danh sách mời?", remove.GetAttribute("data-confirm"), StringComparison.Ordinal);
        using (var removed = await Forms.SubmitAsync(secretariat, page, (AngleSharp.Html.Dom.IHtmlFormElement)remove, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.DoesNotContain("Nguyễn Khách Mời", await secretariat.GetStringAsync(page), StringComparison.Ordinal);

        // An awardee is not removed (422), a stale page is refused (409), nothing half-saved.
        using var api = await app.BearerAs(Secretariat, sendsReadVersion: false);
        var ceremony = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        var version = ceremony.GetProperty("version").GetGuid();
        var awardee = ceremony.GetProperty("guests").GetProperty("items")[0];
        using (var refused = await api.DeleteAsync($"/api/v1/ceremonies/{id}/guests/{awardee.GetProperty("id").GetInt32()}?version={version}"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("awardee_kept", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var stale = await api.PostAsJsonAsync($"/api/v1/ceremonies/{id}/guests", new { kind = "Guest", name = "Muộn", version = Guid.NewGuid() }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var missing = await api.PostAsJsonAsync($"/api/v1/ceremonies/{id}/guests", new { kind = "Guest", name = "Muộn" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        }

        // The roll through the API; then the dashboard's line for the round counts it.
        using var marked = await api.PatchAsJsonAsync($"/api/v1/ceremonies/{id}/attendance", new { marks = new[] { new { guestId = awardee.GetProperty("id").GetInt32(), attended = (bool?)true } }, version });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        Assert.Equal(1, after.GetProperty("counts").GetProperty("attended").GetInt32());

        var dashboard = await api.GetFromJsonAsync<JsonElement>("/api/v1/dashboard/rounds/2021-2025");
        var tile = dashboard.GetProperty("ceremony");
        Assert.Equal(JsonValueKind.Object, tile.ValueKind);
        Assert.True(tile.GetProperty("invited").GetInt32() > 0);
        Assert.Contains("Lễ tuyên dương", await secretariat.GetStringAsync("/Dashboard?round=2021-2025"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planned_ceremony_is_corrected_from_its_page_and_the_api_and_not_after_it_was_held()
    {
        var decision = await FinalDecision();
        var secretariat = await app.SignedInAs(Secretariat);
        var id = await CreateThroughThePage(secretariat, decision.Id, "Hội trường A");
        var page = $"/Ceremonies/Details/{id}";

        // The page's form, prefilled: a new place, day and hour; bad input is refused with nothing saved.
        using (var bad = await Forms.SubmitAsync(secretariat, page, new Dictionary<string, string> { ["place"] = " " }, "form[action*='handler=Edit']"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode); // the page again, with the reason
            Assert.Contains("Nhập địa điểm tổ chức", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("Hội trường A", await app.WithDb(db => db.Set<Ceremony>().Where(c => c.Id == id).Select(c => c.Place).SingleAsync()));
        using (var edited = await Forms.SubmitAsync(secretariat, page,
            new Dictionary<string, string> { ["place"] = "Hội trường B, tầng 2", ["date"] = "2026-05-18", ["startsAt"] = "14:00" }, "form[action*='handler=Edit']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var html = await secretariat.GetStringAsync(page);
        Assert.Contains("Hội trường B, tầng 2", html, StringComparison.Ordinal);
        Assert.Contains("14:00, ngày 18/05/2026", html, StringComparison.Ordinal);

        // The API: a stale version is refused; then held, it cannot be edited any more.
        using var api = await app.BearerAs(Secretariat, sendsReadVersion: false);
        var ceremony = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        var body = new { title = ceremony.GetProperty("title").GetString(), date = "2026-05-19", startsAt = "08:00", place = "Hội trường C", programme = "Khai mạc\nTrao khen thưởng\nBế mạc", seatsPerRow = 8 };
        using (var stale = await api.PutAsJsonAsync($"/api/v1/ceremonies/{id}", new { body.title, body.date, body.startsAt, body.place, body.programme, body.seatsPerRow, version = Guid.NewGuid() }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var version = ceremony.GetProperty("version").GetGuid();
        using (var ok = await api.PutAsJsonAsync($"/api/v1/ceremonies/{id}", new { body.title, body.date, body.startsAt, body.place, body.programme, body.seatsPerRow, version }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            version = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        }

        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        Assert.Equal("Hội trường C", after.GetProperty("place").GetString());
        Assert.Equal(8, after.GetProperty("seatsPerRow").GetInt32());
        Assert.Equal(3, after.GetProperty("programme").GetArrayLength());

        using (var held = await api.PostAsJsonAsync($"/api/v1/ceremonies/{id}/held", new { heldOn = "2026-05-19", version }))
        {
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
            version = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        }

        using (var late = await api.PutAsJsonAsync($"/api/v1/ceremonies/{id}", new { body.title, body.date, body.startsAt, place = "Hội trường D", body.programme, body.seatsPerRow, version }))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        Assert.Equal("Hội trường C", await app.WithDb(db => db.Set<Ceremony>().Where(c => c.Id == id).Select(c => c.Place).SingleAsync()));

        Assert.Null(Forms.Parse(await secretariat.GetStringAsync(page)).QuerySelector("[data-testid=edit-ceremony]"));
        using var clerk = await app.BearerAs("coso1@demo.vn");
        using var forbidden = await clerk.PutAsJsonAsync($"/api/v1/ceremonies/{id}", new { body.title, body.date, body.startsAt, body.place, body.programme, body.seatsPerRow, version });
        Assert.True(forbidden.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{forbidden.StatusCode}");
    }

    [Fact]
    public async Task A_grassroots_clerk_sees_only_their_own_units_invitations_and_cannot_organise()
    {
        var decision = await FinalDecision();
        using var api = await app.BearerAs(Secretariat);
        var draft = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/draft?decisionId={decision.Id}");
        var body = draft.GetProperty("draft").Deserialize<Dictionary<string, JsonElement>>()!;
        body["place"] = JsonSerializer.SerializeToElement("Hội trường B");
        using var created = await api.PostAsJsonAsync("/api/v1/ceremonies", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // A clerk of the unit of the first commended (a new account there), and the guests of that clerk's scope.
        var (clerk, own, others) = await app.WithScope(async services =>
        {
            var db = services.GetRequiredService<Web.Infrastructure.Data.AppDbContext>();
            var guests = await db.Set<CeremonyGuest>().AsNoTracking().Where(g => g.CeremonyId == id && g.OrganizationId != null).OrderBy(g => g.Order).ToListAsync();
            var unit = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == guests[0].OrganizationId);
            var email = $"coso-{unit.Code.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30] + "@demo.vn";
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Infrastructure.Auth.AppUser>>();
            var created = await users.CreateAsync(new Web.Infrastructure.Auth.AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = "Cán bộ cơ sở thử", SearchName = "can bo co so thu", Role = Roles.GrassrootsClerk,
                OrganizationId = unit.Id, LockoutEnabled = true, CreatedAtUtc = DateTime.UtcNow,
            }, AppFactory.DemoPassword);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
            var paths = await db.Organizations.Where(o => guests.Select(g => g.OrganizationId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path);
            var mine = guests.Where(g => paths[g.OrganizationId!.Value].StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
            return (email, mine, guests.Except(mine).ToList());
        });
        Assert.NotEmpty(own);
        Assert.NotEmpty(others);
        using var clerkApi = await app.BearerAs(clerk);
        var seen = await clerkApi.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        Assert.Equal(own.Count, seen.GetProperty("counts").GetProperty("invited").GetInt32());
        Assert.Equal(0, seen.GetProperty("presentationOrder").GetArrayLength());
        var bytes = await clerkApi.GetByteArrayAsync($"/api/v1/ceremonies/{id}/invitations.docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Equal(own.Count, System.Text.RegularExpressions.Regex.Count(text, "GIẤY MỜI"));
            Assert.All(others.Where(o => own.All(m => m.Name != o.Name)), o => Assert.DoesNotContain("Đồng chí: " + o.Name + "Chức", text, StringComparison.Ordinal));
        }

        using (var other = await clerkApi.GetAsync($"/api/v1/ceremonies/{id}/invitations.docx?guestId={others[0].Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        foreach (var refused in new[] { $"/api/v1/ceremonies/{id}/attendance.xlsx", $"/api/v1/ceremonies/{id}/seating.xlsx" })
        {
            using var response = await clerkApi.GetAsync(refused);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var create = await clerkApi.PostAsJsonAsync("/api/v1/ceremonies", body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        using (var add = await clerkApi.PostAsJsonAsync($"/api/v1/ceremonies/{id}/guests", new { kind = "Guest", name = "X", version = seen.GetProperty("version").GetGuid() }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        }

        // The clerk's page shows no roll form and no organiser's buttons; the province viewer sees no ceremony at all.
        var page = await (await app.SignedInAs(clerk)).GetStringAsync($"/Ceremonies/Details/{id}");
        Assert.DoesNotContain("handler=AddGuest", page, StringComparison.Ordinal);
        Assert.DoesNotContain("roll-form\" class", page, StringComparison.Ordinal);
        using var province = await app.BearerAs("tinhuy@demo.vn");
        using (var none = await province.GetAsync($"/api/v1/ceremonies/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        }
    }

    [Fact]
    public async Task After_the_day_the_list_is_history_the_story_is_published_with_its_photos_and_the_sweeper_keeps_them()
    {
        var decision = await FinalDecision();
        var secretariat = await app.SignedInAs(Secretariat);
        var id = await CreateThroughThePage(secretariat, decision.Id, "Hội trường C");
        var page = $"/Ceremonies/Details/{id}";
        var heldForm = Forms.Parse(await secretariat.GetStringAsync(page)).QuerySelector("form[action*='handler=Held']")!;
        Assert.Contains("không sửa được nữa", heldForm.GetAttribute("data-confirm"), StringComparison.Ordinal);
        using (var held = await Forms.SubmitAsync(secretariat, page, new Dictionary<string, string> { ["heldOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=Held']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        }

        using var api = await app.BearerAs(Secretariat, sendsReadVersion: false);
        var ceremony = await api.GetFromJsonAsync<JsonElement>($"/api/v1/ceremonies/{id}");
        using (var late = await api.PostAsJsonAsync($"/api/v1/ceremonies/{id}/guests", new { kind = "Guest", name = "Muộn", version = ceremony.GetProperty("version").GetGuid() }))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Contains("ceremony_held", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A photo through the page's form (decoded, stored content-addressed), then the story, published.
        var photoForm = (AngleSharp.Html.Dom.IHtmlFormElement)Forms.Parse(await secretariat.GetStringAsync(page)).QuerySelector("form[action*='handler=Photo']")!;
        using (var uploaded = await Forms.SubmitAsync(secretariat, page, photoForm, new Dictionary<string, string> { ["caption"] = "Trao Giấy khen" }, ("photo", "anh-buoi-le.png", SampleFiles.Png("ceremony-" + id, 40, 30))))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        using (var fake = await Forms.SubmitAsync(secretariat, page, (AngleSharp.Html.Dom.IHtmlFormElement)Forms.Parse(await secretariat.GetStringAsync(page)).QuerySelector("form[action*='handler=Photo']")!,
            new Dictionary<string, string>(), ("photo", "khong-phai-anh.png", "not an image"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
            Assert.Contains("Ảnh phải là tệp JPG hoặc PNG", await fake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var story = await Forms.SubmitAsync(secretariat, page, new Dictionary<string, string>
        {
            ["storyTitle"] = "Tuyên dương các gương điển hình tiêu biểu", ["storyHtml"] = "<p>Sáng nay, hội nghị đã <strong>tuyên dương</strong>.</p><script>alert(1)</script>", ["publish"] = "true",
        }, "form[action*='handler=Story']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, story.StatusCode);
        }

        var visitor = app.CreateClient();
        var publicPage = await visitor.GetStringAsync($"/Ceremonies/Story/{id}");
        Assert.Contains("Tuyên dương các gương điển hình tiêu biểu", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", publicPage, StringComparison.Ordinal);
        var photo = await app.WithDb(db => db.Set<CeremonyPhoto>().AsNoTracking().SingleAsync(p => p.CeremonyId == id));
        using (var image = await visitor.GetAsync($"/Ceremonies/Story/{id}?handler=Photo&photoId={photo.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        }

        var kept = await app.WithScope(async services =>
        {
            await services.GetRequiredService<SweepFiles.Handler>().Handle(TimeSpan.Zero, CancellationToken.None);
            return services.GetRequiredService<Web.Infrastructure.IFileStore>().Exists(photo.StoragePath);
        });
        Assert.True(kept, "the sweeper removed a ceremony photo");
    }
}

[Collection(SqliteApp.Name)]
public sealed class CeremoniesTests_Sqlite(SqliteAppFactory app) : CeremoniesTests(app);

[Collection(PostgresApp.Name)]
public sealed class CeremoniesTests_Postgres(PostgresAppFactory app) : CeremoniesTests(app);
