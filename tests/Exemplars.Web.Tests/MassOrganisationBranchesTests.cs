using System.Text.Json;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 16 point 4 (plan IV.2, ADR 029): Youth Union and Veterans' branches under grassroots units, with their own clerks,
/// record the exemplars they find and send them up through the bloc association, which forwards them to the secretariat
/// or returns them with a reason; the secretariat sees them by association, the unit's periodic report counts them, the
/// dashboard shows them. Scoped: nobody sees a branch's record before it is sent where they stand.
/// </summary>
public abstract class MassOrganisationBranchesTests(AppFactory app)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<JsonElement?> Find(HttpClient api, int id, string query = "")
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/discovered?page=1{query}");
        var items = list.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("id").GetInt32() == id).ToList();
        return items.Count == 0 ? null : items[0];
    }

    private Task<Guid> VersionOf(int id) => app.WithDb(db => db.DiscoveredExemplars.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());

    private static async Task<JsonElement> Youth(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/discovered/by-association")).EnumerateArray().Single(a => a.GetProperty("association").GetString() == "YouthUnion");

    [Fact]
    public async Task A_branch_sends_its_exemplar_up_through_the_bloc_association_to_the_secretariat_who_sees_it_by_association()
    {
        using var branch = await app.BearerAs("chidoan1@demo.vn");
        using var veteransBranch = await app.BearerAs("chihoi1@demo.vn");
        using var association = await app.BearerAs("doankhoi@demo.vn");
        using var veterans = await app.BearerAs("hoiccb@demo.vn");
        using var unitClerk = await app.BearerAs("coso1@demo.vn");
        using var otherUnit = await app.BearerAs("coso2@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        var before = await Youth(secretariat);

        var (created, body) = await Post(branch, "/api/v1/discovered", new { kind = "Individual", name = "Hà Thị Xuân Mai", unit = "Phòng Ngân sách", achievements = "Đoàn viên xuất sắc; sáng kiến số hóa hồ sơ ngân sách." });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = body.GetProperty("id").GetInt32();
        var kept = (await Find(branch, id))!.Value;
        Assert.Equal("YouthUnion", kept.GetProperty("association").GetString());
        Assert.Equal("Kept", kept.GetProperty("sendState").GetString());

        // Kept at the branch: its grassroots unit sees it; the association, the secretariat and another unit do not.
        Assert.NotNull(await Find(unitClerk, id));
        Assert.Null(await Find(association, id));
        Assert.Null(await Find(secretariat, id));
        Assert.Null(await Find(otherUnit, id));

        // Only the branch sends it, with the version it read.
        Assert.Equal(HttpStatusCode.NotFound, (await Post(veteransBranch, $"/api/v1/discovered/{id}/send", new { version = await VersionOf(id) })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(unitClerk, $"/api/v1/discovered/{id}/send", new { version = await VersionOf(id) })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(branch, $"/api/v1/discovered/{id}/send", new { version = Guid.NewGuid() })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Post(branch, $"/api/v1/discovered/{id}/send", new { version = await VersionOf(id) })).Status);
        var (again, refusal) = await Post(branch, $"/api/v1/discovered/{id}/send", new { version = await VersionOf(id) });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("không gửi lại được", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Sent: the Bloc Youth Union sees it, the Veterans' Association does not; the secretariat only counts it as waiting.
        var inbox = (await Find(association, id, "&sendState=Sent"))!.Value;
        Assert.Equal("Sent", inbox.GetProperty("sendState").GetString());
        Assert.Null(await Find(veterans, id));
        Assert.Null(await Find(secretariat, id));
        Assert.Equal(before.GetProperty("waiting").GetInt32() + 1, (await Youth(secretariat)).GetProperty("waiting").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Post(veterans, $"/api/v1/discovered/{id}/forward", new { version = await VersionOf(id) })).Status);

        // Returned with a reason (none is refused, and nothing changes); the branch completes it and sends it again.
        var (noReason, problem) = await Post(association, $"/api/v1/discovered/{id}/return", new { reason = " ", version = await VersionOf(id) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(DiscoverySendState.Sent, await app.WithDb(db => db.DiscoveredExemplars.Where(d => d.Id == id).Select(d => d.SendState).SingleAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await Post(association, $"/api/v1/discovered/{id}/return", new { reason = "Ghi rõ sáng kiến đã được công nhận.", version = await VersionOf(id) })).Status);
        var returned = (await Find(branch, id))!.Value;
        Assert.Equal("Returned", returned.GetProperty("sendState").GetString());
        Assert.Equal("Ghi rõ sáng kiến đã được công nhận.", returned.GetProperty("returnReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Post(association, $"/api/v1/discovered/{id}/forward", new { version = await VersionOf(id) })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Post(branch, $"/api/v1/discovered/{id}/send",
            new { achievements = "Đoàn viên xuất sắc; sáng kiến số hóa hồ sơ ngân sách được Sở công nhận năm 2026.", version = await VersionOf(id) })).Status);

        // Forwarded: now the secretariat sees it, under the Youth Union, and the counts follow.
        Assert.Equal(HttpStatusCode.NoContent, (await Post(association, $"/api/v1/discovered/{id}/forward", new { version = await VersionOf(id) })).Status);
        var seen = (await Find(secretariat, id, "&source=YouthUnion"))!.Value;
        Assert.Equal("Forwarded", seen.GetProperty("sendState").GetString());
        Assert.Contains("được Sở công nhận năm 2026", seen.GetProperty("achievements").GetString(), StringComparison.Ordinal);
        Assert.Null(await Find(secretariat, id, "&source=Party"));
        Assert.Null(await Find(secretariat, id, "&source=Veterans"));
        var after = await Youth(secretariat);
        Assert.Equal(before.GetProperty("forwarded").GetInt32() + 1, after.GetProperty("forwarded").GetInt32());
        Assert.Equal(before.GetProperty("sent").GetInt32() + 1, after.GetProperty("sent").GetInt32());
        Assert.Equal(before.GetProperty("waiting").GetInt32(), after.GetProperty("waiting").GetInt32());
        Assert.True(after.GetProperty("branches").GetInt32() >= 3);
        var record = await app.WithDb(db => db.DiscoveredExemplars.SingleAsync(d => d.Id == id));
        Assert.Equal("doankhoi@demo.vn", record.ForwardedBy);
        Assert.Null(record.ReturnReason);
        Assert.Equal("DOAN-KHOI", await app.WithDb(db => db.Organizations.Where(o => o.Id == record.AssociationOrganizationId).Select(o => o.Code).SingleAsync()));

        // The grassroots committee's own periodic report counts its branch's exemplar.
        var unit = await app.WithDb(db => db.Users.Where(u => u.Email == "coso1@demo.vn").Select(u => u.OrganizationId).SingleAsync());
        var today = Exemplars.Web.Infrastructure.VietnamTime.Today(app.Clock);
        var figures = await app.WithScope(services => services.GetRequiredService<ComputeReportFigures.Handler>()
            .Handle(unit, new ReportingPeriod { From = today, To = today }, CancellationToken.None));
        var otherUnitId = await app.WithDb(db => db.Users.Where(u => u.Email == "coso2@demo.vn").Select(u => u.OrganizationId).SingleAsync());
        var recordedToday = await app.WithDb(db => db.DiscoveredExemplars.CountAsync(d => d.OrganizationId == record.OrganizationId && d.RecordedAtUtc >= Exemplars.Web.Infrastructure.VietnamTime.StartOfDayUtc(today)));
        Assert.True(figures.Discovered >= recordedToday && recordedToday >= 1, $"{figures.Discovered} counted, {recordedToday} recorded by the branch today");
        Assert.NotEqual(unit, otherUnitId);
    }

    [Fact]
    public async Task The_pages_offer_each_role_its_step_and_the_secretariat_its_table_by_association()
    {
        using var api = await app.BearerAs("chihoi1@demo.vn");
        var (created, body) = await Post(api, "/api/v1/discovered", new { kind = "Individual", name = "Lương Văn Bảy", achievements = "Hội viên gương mẫu, giúp 3 hộ hội viên thoát nghèo." });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = body.GetProperty("id").GetInt32();

        // The branch clerk sends from the page.
        var branch = await app.SignedInAs("chihoi1@demo.vn");
        var page = await Forms.GetDocumentAsync(branch, "/Discovery");
        var send = page.QuerySelector($"tr[data-testid=discovered-{id}] form[action*='handler=Send']") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(send);
        Assert.Contains("Gửi lên Hội Cựu chiến binh cấp trên", send.TextContent, StringComparison.Ordinal);
        using (var sent = await Forms.SubmitAsync(branch, "/Discovery", send, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Equal(DiscoverySendState.Sent, await app.WithDb(db => db.DiscoveredExemplars.Where(d => d.Id == id).Select(d => d.SendState).SingleAsync()));

        // The bloc association forwards from its page; the Youth Union's clerk is offered nothing on it.
        var youthPage = await Forms.GetDocumentAsync(await app.SignedInAs("doankhoi@demo.vn"), "/Discovery");
        Assert.Null(youthPage.QuerySelector($"tr[data-testid=discovered-{id}]"));
        var veterans = await app.SignedInAs("hoiccb@demo.vn");
        var inbox = await Forms.GetDocumentAsync(veterans, "/Discovery?sendState=Sent");
        var forward = inbox.QuerySelector($"tr[data-testid=discovered-{id}] form[action*='handler=Forward']") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(forward);
        Assert.Contains("không thu lại được", forward.GetAttribute("data-confirm"), StringComparison.Ordinal);
        Assert.NotNull(inbox.QuerySelector($"tr[data-testid=discovered-{id}] form[action*='handler=Return'] input[name=reason]"));
        using (var forwarded = await Forms.SubmitAsync(veterans, "/Discovery?sendState=Sent", forward, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        }

        // The secretariat: the record under the Veterans' Association, and the table by association, without step buttons.
        var secretariat = await Forms.GetDocumentAsync(await app.SignedInAs("tgdv@demo.vn"), "/Discovery?source=Veterans");
        var row = secretariat.QuerySelector($"tr[data-testid=discovered-{id}]");
        Assert.NotNull(row);
        Assert.Contains("Đã chuyển Ban Tuyên giáo – Dân vận", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form"));
        var table = secretariat.QuerySelector("table[data-testid=by-association]");
        Assert.NotNull(table);
        Assert.Contains("Hội Cựu chiến binh", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đoàn Thanh niên", table.TextContent, StringComparison.Ordinal);
        var dashboard = await Forms.GetDocumentAsync(await app.SignedInAs("tgdv@demo.vn"), "/Dashboard");
        Assert.Contains("Gương do chi đoàn, chi hội phát hiện", dashboard.QuerySelector("[data-testid=dashboard-mass-organisations]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branches_sit_under_grassroots_units_and_only_mass_organisation_clerks_are_bound_to_them()
    {
        var admin = await app.SignedInAs("admin@demo.vn");
        var code = "CD" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Dictionary<string, string> Branch(string parent) => new() { ["Input.Code"] = code, ["Input.Name"] = "Chi đoàn thử", ["Input.Kind"] = "YouthUnionBranch", ["Input.HostUnitType"] = "", ["Input.ParentCode"] = parent };
        using (var underBloc = await Forms.SubmitAsync(admin, "/Organizations/Edit", Branch("DUK")))
        {
            Assert.Contains("Chi đoàn, Đoàn cơ sở không thể trực thuộc", await underBloc.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await app.WithDb(db => db.Organizations.AnyAsync(o => o.Code == code)));
        using (var created = await Forms.SubmitAsync(admin, "/Organizations/Edit", Branch("CS004")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var (path, parentPath) = await app.WithDb(async db =>
        {
            var branch = await db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Code == code);
            return (branch.Path, branch.Parent!.Path);
        });
        Assert.StartsWith(parentPath, path, StringComparison.Ordinal);

        var email = code.ToLowerInvariant() + "@test.vn";
        Dictionary<string, string> User(string role) => new()
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Bí thư Chi đoàn thử", ["Input.Role"] = role, ["Input.OrganizationCode"] = code, ["Input.Password"] = "Khoi@2025-abc",
        };
        using (var wrongRole = await Forms.SubmitAsync(admin, "/Users/Create", User("GrassrootsClerk")))
        {
            Assert.Contains("chỉ gắn với", await wrongRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var ok = await Forms.SubmitAsync(admin, "/Users/Create", User("MassOrganisationClerk")))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        // The new branch's clerk records, and sees nothing of the demo branches.
        using var clerk = await app.BearerAs(email, "Khoi@2025-abc");
        var (recorded, body) = await Post(clerk, "/api/v1/discovered", new { kind = "Collective", name = "Tổ thanh niên xung kích", achievements = "Hoàn thành vượt kế hoạch sản xuất quý." });
        Assert.Equal(HttpStatusCode.Created, recorded);
        var list = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/discovered");
        Assert.Equal(body.GetProperty("id").GetInt32(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
    }
}

[Collection(SqliteApp.Name)]
public sealed class MassOrganisationBranchesTests_Sqlite(SqliteAppFactory app) : MassOrganisationBranchesTests(app);

[Collection(PostgresApp.Name)]
public sealed class MassOrganisationBranchesTests_Postgres(PostgresAppFactory app) : MassOrganisationBranchesTests(app);
