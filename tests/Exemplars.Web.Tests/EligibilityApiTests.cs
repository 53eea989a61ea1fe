using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests;

public abstract class EligibilityApiTests(AppFactory app)
{
    /// <summary>The example request of shared/API.md.</summary>
    private static JsonObject Example() => JsonNode.Parse("""
        {
          "round": "2021-2025",
          "nominee": {
            "kind": "Individual",
            "category": "3.2.5",
            "partyMember": true,
            "partyJoinYear": 2015,
            "leader": true,
            "ratings": { "2021": "Good", "2022": "Excellent", "2023": "Excellent", "2024": "Good" },
            "disciplineYears": [],
            "familyLawAttested": true,
            "collective": {
              "partyOrganisationRatings": { "2021": "Excellent", "2022": "Excellent", "2023": "Excellent", "2024": "Excellent" },
              "massOrganisationRatings": { "YouthUnion": { "2021": "Excellent" } }
            }
          }
        }
        """)!.AsObject();

    private async Task<(HttpStatusCode Status, JsonElement Body)> Evaluate(JsonObject body)
    {
        using var api = await app.BearerAs("coso1@demo.vn");
        using var response = await api.PostAsJsonAsync("/api/v1/eligibility/evaluate", body);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, json);
    }

    private static Dictionary<string, string> Statuses(JsonElement body) =>
        body.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("status").GetString()!);

    [Fact]
    public async Task Api_example_is_indeterminate_because_the_led_collective_lacks_youth_union_years()
    {
        var (status, body) = await Evaluate(Example());
        Assert.Equal(HttpStatusCode.OK, status);
        var rules = Statuses(body);
        Assert.Equal("Pass", rules["party_member_ratings"]);
        Assert.Equal("Unknown", rules["leader_collective"]);
        Assert.Equal("Pass", rules["discipline"]);
        Assert.Equal("Pass", rules["family_law"]);
        Assert.Equal("Indeterminate", body.GetProperty("verdict").GetString());
        Assert.All(body.GetProperty("rules").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetString())));
        var judgement = body.GetProperty("judgementCriteria").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
        Assert.Contains(judgement, t => t.StartsWith("Hàng năm hoàn thành xuất sắc nhiệm vụ; có tinh thần trách nhiệm cao", StringComparison.Ordinal));
        Assert.Contains(judgement, t => t.StartsWith("Là những tập thể, cá nhân, có thành tích tiêu biểu", StringComparison.Ordinal));
        Assert.DoesNotContain(judgement, t => t.StartsWith("Nếu là đảng viên", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_collective_makes_the_example_eligible_and_a_discipline_year_makes_it_ineligible()
    {
        var body = Example();
        body["nominee"]!["collective"]!["massOrganisationRatings"] = new JsonObject();
        var (_, eligible) = await Evaluate(body);
        Assert.Equal("Eligible", eligible.GetProperty("verdict").GetString());

        body["nominee"]!["disciplineYears"] = new JsonArray(2023);
        var (_, ineligible) = await Evaluate(body);
        Assert.Equal("Ineligible", ineligible.GetProperty("verdict").GetString());
        Assert.Equal("Fail", Statuses(ineligible)["discipline"]);
    }

    [Fact]
    public async Task Interim_round_needs_one_excellent_year_of_2021_2022()
    {
        var body = Example();
        body["round"] = "2021-2023";
        body["nominee"]!["leader"] = false;
        body["nominee"]!["ratings"] = new JsonObject { ["2021"] = "Good", ["2022"] = "Excellent" };
        var (_, result) = await Evaluate(body);
        Assert.Equal("Pass", Statuses(result)["party_member_ratings"]);
        Assert.Equal("Eligible", result.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("category", "3.1.1", "nominee.category")]
    [InlineData("category", "9.9.9", "nominee.category")]
    [InlineData("round", "2019-2020", "round")]
    [InlineData("kind", "Team", "nominee.kind")]
    public async Task Bad_requests_are_400_problems_not_verdicts(string field, string value, string errorKey)
    {
        var body = Example();
        if (field == "round")
        {
            body["round"] = value;
        }
        else
        {
            body["nominee"]![field] = value;
        }

        var (status, problem) = await Evaluate(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out _), problem.ToString());
        Assert.False(problem.TryGetProperty("verdict", out _));
    }

    [Theory]
    [InlineData("2022", "Superb")]
    [InlineData("2022", "excellent")]
    [InlineData("hai nghìn", "Good")]
    [InlineData("1800", "Good")]
    public async Task Bad_rating_words_and_years_are_400(string year, string rating)
    {
        var body = Example();
        body["nominee"]!["ratings"] = new JsonObject { [year] = rating };
        var (status, problem) = await Evaluate(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("không hợp lệ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collective_in_an_individual_category_is_400_and_anonymous_is_401()
    {
        var body = Example();
        body["nominee"]!["kind"] = "Collective";
        var (status, _) = await Evaluate(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);

        using var anonymous = app.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/eligibility/evaluate", Example());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stored_person_eligibility_is_scoped_and_explained()
    {
        var (own, other) = await app.WithDb(async db => (
            await db.People.Where(p => p.Organization!.Code == "CS001" && p.IsPartyMember).Select(p => p.Id).FirstAsync(),
            await db.People.Where(p => p.Organization!.Code == "CS002").Select(p => p.Id).FirstAsync()));
        using var api = await app.BearerAs("coso1@demo.vn");
        using var ok = await api.GetAsync($"/api/v1/people/{own}/eligibility?round=2021-2025");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Matches("^(Eligible|Ineligible|Indeterminate)$", body.GetProperty("verdict").GetString());
        Assert.Contains(body.GetProperty("rules").EnumerateArray(), r => r.GetProperty("code").GetString() == "party_member_ratings");

        using var hidden = await api.GetAsync($"/api/v1/people/{other}/eligibility?round=2021-2025");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var badRound = await api.GetAsync($"/api/v1/people/{own}/eligibility?round=1999");
        Assert.Equal(HttpStatusCode.BadRequest, badRound.StatusCode);
    }
}

[Collection(SqliteApp.Name)]
public sealed class EligibilityApiTests_Sqlite(SqliteAppFactory app) : EligibilityApiTests(app);

[Collection(PostgresApp.Name)]
public sealed class EligibilityApiTests_Postgres(PostgresAppFactory app) : EligibilityApiTests(app);
