using System.Text.Json;
using Exemplars.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 16 point 6: the next term's plan is made from the last one over the API as on the page — years and rounds
/// shifted, criteria copied and then edited, and its documents issued by the committee that replaced the bloc committee.
/// </summary>
public abstract class NextTermPlanTests(AppFactory app)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient api, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_plan_is_cloned_with_a_new_issuer_its_rounds_shifted_its_criteria_edited_and_its_documents_issued_by_that_issuer()
    {
        using var admin = await app.BearerAs("admin@demo.vn");
        using var secretariat = await app.BearerAs("tgdv@demo.vn");
        // The source: a plan of its own (the built-in one, moved to 2081–2085), so that rounds other tests add to the demo plans stay out of it.
        var source = await app.WithDb(async db =>
        {
            var own = await db.Plans.Where(p => p.Code == "2081-2085").Select(p => (int?)p.Id).SingleOrDefaultAsync();
            if (own is { } id)
            {
                return id;
            }

            var plan = Domain.Plans.PlanRules.Clone(Domain.Plans.BuiltInPlans.Plan2021To2025(), "2081-2085", "Kế hoạch giai đoạn 2081 - 2085", 60);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        const string code = "2086-2090";
        const string symbol = "ĐUCQT";

        // An issuer not in the directory is refused, and nothing is created.
        var (unknown, problem) = await Send(admin, HttpMethod.Post, $"/api/v1/plans/{source}/clone", new { code, name = "Kế hoạch giai đoạn 2086 - 2090", issuerSymbol = symbol });
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("Chưa có cơ quan ban hành", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Plans.AnyAsync(p => p.Code == code)));

        await app.WithDb(async db =>
        {
            db.Set<Issuer>().Add(new Issuer
            {
                Symbol = symbol, SuperiorLine = "ĐẢNG BỘ TỈNH THỬ NGHIỆM", Name = "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", SigningOrgan = "BAN THƯỜNG VỤ",
                OrganName = "Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh", Place = "Thử Nghiệm", SuperiorOrgan = "Ban Thường vụ Tỉnh ủy", PartyName = "Đảng bộ các cơ quan Đảng tỉnh",
                AdvisingBoard = "Ban Tuyên giáo và Dân vận",
            });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(secretariat, HttpMethod.Post, $"/api/v1/plans/{source}/clone", new { code, name = "x", issuerSymbol = symbol })).Status);
        var (created, body) = await Send(admin, HttpMethod.Post, $"/api/v1/plans/{source}/clone", new { code, name = "Kế hoạch giai đoạn 2086 - 2090", issuerSymbol = symbol });
        Assert.True(created == HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetInt32();

        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");
        Assert.Equal(symbol, plan.GetProperty("issuerSymbol").GetString());
        var rounds = plan.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2086-2088", "2086-2090"], rounds);
        Assert.Equal(new DateOnly(2087, 12, 31), DateOnly.Parse(plan.GetProperty("implementationPlansDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // A criterion is edited over the API with the plan's version.
        var criterion = plan.GetProperty("criteria").EnumerateArray().First().GetProperty("code").GetString()!;
        var version = plan.GetProperty("version").GetGuid();
        const string text = "Tiêu chí đã sửa cho nhiệm kỳ mới: có sáng kiến được áp dụng hiệu quả.";
        Assert.Equal(HttpStatusCode.Conflict, (await Send(admin, HttpMethod.Put, $"/api/v1/plans/{id}/criteria/{criterion}", new { text, version = Guid.NewGuid() })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Put, $"/api/v1/plans/{id}/criteria/{criterion}", new { text, version })).Status);
        Assert.True(await app.WithDb(db => db.Criteria.AnyAsync(c => c.PlanId == id && c.Code == criterion && c.Text == text)));

        // A document of a round of the plan, issuer not named: numbered under the plan's issuer, not the configured default.
        var (issued, issuedBody) = await Send(secretariat, HttpMethod.Post, "/api/v1/decisions",
            new { type = "Submission", title = "Tờ trình thử của nhiệm kỳ mới", date = "2086-05-01", signer = "Người Ký", nominationIds = Array.Empty<int>(), round = "2086-2088" });
        Assert.True(issued == HttpStatusCode.Created, issuedBody.ToString());
        Assert.Equal(symbol, await app.WithDb(db => db.Decisions.Where(d => d.Title == "Tờ trình thử của nhiệm kỳ mới").Select(d => d.Issuer).SingleAsync()));
    }
}

[Collection(SqliteApp.Name)]
public sealed class NextTermPlanTests_Sqlite(SqliteAppFactory app) : NextTermPlanTests(app);

[Collection(PostgresApp.Name)]
public sealed class NextTermPlanTests_Postgres(PostgresAppFactory app) : NextTermPlanTests(app);
