using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>Steps several test classes take the same way: a round of their own, and a ballot closed by its trustees.</summary>
public static class RoundSteps
{
    /// <summary>
    /// A copy of the 2021–2025 round under a fresh code: the selection counts every closed main ballot of a round, so a
    /// test that reads its province list keeps other tests' commended nominees out of it.
    /// </summary>
    public static async Task<string> FreshRound(this AppFactory app, string prefix, int? quotaIndividuals = null)
    {
        var code = prefix + Guid.NewGuid().ToString("N")[..7];
        await app.WithDb(async db =>
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Code == "2021-2025");
            round.Id = 0;
            round.Code = code;
            round.Name = "Đợt thử " + code;
            round.QuotaIndividuals = quotaIndividuals ?? round.QuotaIndividuals;
            db.Rounds.Add(round);
            return await db.SaveChangesAsync();
        });
        return code;
    }

    /// <summary>
    /// The ballot-count committee closes the ballot: the first two of the three default trustees (btv1–btv3, two needed)
    /// take their key share as they would on their share page and enter it. Returns the shares used.
    /// </summary>
    public static async Task<List<string>> CloseByTrustees(this AppFactory app, int ballot)
    {
        var used = new List<string>();
        foreach (var (email, last) in new[] { ("btv1@demo.vn", false), ("btv2@demo.vn", true) })
        {
            using var trustee = await app.BearerAs(email);
            var share = (await trustee.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot}/share")).GetProperty("text").GetString()!;
            using var response = await trustee.PostAsJsonAsync($"/api/v1/ballots/{ballot}/close", new { share });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(last, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closed").GetBoolean());
            used.Add(share);
        }

        return used;
    }
}
