using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 12, point 1: every write operation of the API is also an action on a page, so an official never needs the API.
/// The table names, for each write operation, the page and the handler that performs it; the test fails when the API
/// gains a write operation the table does not place, or when the page or handler named is gone.
/// </summary>
[Collection(SqliteApp.Name)]
public sealed class ApiPageParityTests(SqliteAppFactory app)
{
    /// <summary>"METHOD /api/v1/route" → (page, handler). Handler "" is the page's plain OnPost; "Get" a page that performs a read-only evaluation.</summary>
    private static readonly Dictionary<string, (string Page, string Handler)> PageOf = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/nominations/"] = ("/Nominations/Create", ""),
        ["POST /api/v1/plans/{id:int}/clone"] = ("/Plans/Details", "Clone"),
        ["PUT /api/v1/plans/{id:int}/thresholds"] = ("/Plans/Details", "Thresholds"),
        ["PUT /api/v1/plans/{id:int}/issue"] = ("/Plans/Details", "Issue"),
        ["PUT /api/v1/plans/{id:int}/rounds/{code}"] = ("/Plans/EditRound", ""),
        ["POST /api/v1/issuers/"] = ("/Issuers/Edit", ""),
        ["PUT /api/v1/issuers/{id:int}"] = ("/Issuers/Edit", ""),
        ["POST /api/v1/stories/"] = ("/Showcase/Manage", ""),
        ["POST /api/v1/stories/photo"] = ("/Showcase/Manage", ""),
        ["POST /api/v1/stories/{id:int}/approve"] = ("/Showcase/Manage", "Approve"),
        ["POST /api/v1/stories/{id:int}/unpublish"] = ("/Showcase/Manage", "Unpublish"),
        ["POST /api/v1/comment-periods/{id:int}/close"] = ("/PublicComments/Periods", "Close"),
        ["POST /api/v1/ballots/selection/run-off"] = ("/Ballots/Selection", "RunOff"),
        ["POST /api/v1/nominations/{id:int}/branch"] = ("/Nominations/Details", "Branch"),
        ["POST /api/v1/decisions/{id:int}/certificate-batches"] = ("/Documents/Certificates", ""),
        ["PUT /api/v1/plans/{id:int}/criteria/{code}"] = ("/Plans/Details", "Criterion"),
        ["PUT /api/v1/implementation-plans/mine"] = ("/ImplementationPlans/Index", "Record"),
        ["POST /api/v1/implementation-plans/mine/file"] = ("/ImplementationPlans/Index", "Record"),
        ["PUT /api/v1/implementation-plans/due/{plan}"] = ("/ImplementationPlans/Index", "Due"),
        ["POST /api/v1/grassroots-commendations/"] = ("/Commendations/Index", "Record"),
        ["DELETE /api/v1/grassroots-commendations/{id:int}"] = ("/Commendations/Index", "Remove"),
        ["PUT /api/v1/nominations/{id:int}"] = ("/Nominations/Edit", "Save"),
        ["DELETE /api/v1/nominations/{id:int}"] = ("/Nominations/Edit", "Delete"),
        ["POST /api/v1/nominations/{id:int}/evidence"] = ("/Nominations/Edit", "Upload"),
        ["DELETE /api/v1/nominations/{id:int}/evidence/{evidenceId:int}"] = ("/Nominations/Edit", "RemoveEvidence"),
        ["POST /api/v1/nominations/{id:int}/submit"] = ("/Nominations/Edit", "Submit"),
        ["POST /api/v1/nominations/{id:int}/withdraw"] = ("/Nominations/Edit", "Withdraw"),
        ["POST /api/v1/nominations/{id:int}/return"] = ("/Nominations/Details", "Return"),
        ["POST /api/v1/nominations/extensions"] = ("/Nominations/Extensions", ""),
        ["POST /api/v1/nominations/{id:int}/checks"] = ("/Review/Verify", ""),
        ["POST /api/v1/nominations/{id:int}/accept"] = ("/Review/Verify", ""),
        ["POST /api/v1/nominations/{id:int}/province-outcome"] = ("/Decisions/Outcomes", ""),
        ["POST /api/v1/eligibility/evaluate"] = ("/Eligibility/Suggestions", "Get"),
        ["POST /api/v1/comment-periods"] = ("/PublicComments/Periods", "Open"),
        ["POST /api/v1/comments/{id:int}/decision"] = ("/PublicComments/Comments", "Decide"),
        ["POST /api/v1/public/comments"] = ("/PublicComments/Candidates", ""),
        ["POST /api/v1/ballots/"] = ("/Ballots/Index", ""),
        ["POST /api/v1/ballots/{id:int}/votes"] = ("/Ballots/Details", "Vote"),
        ["POST /api/v1/ballots/{id:int}/share/kept"] = ("/Ballots/Share", "Kept"),
        ["POST /api/v1/ballots/{id:int}/close"] = ("/Ballots/Details", "Close"),
        ["POST /api/v1/ballots/selection/overrides"] = ("/Decisions/ProvinceList", ""),
        ["POST /api/v1/decisions"] = ("/Decisions/Issue", ""),
        ["PUT /api/v1/reports/periods/{id:int}"] = ("/Reports/Tracker", "Dates"),
        ["PUT /api/v1/reports/periods/{id:int}/mine"] = ("/Reports/Edit", "Save"),
        ["POST /api/v1/reports/periods/{id:int}/mine/submit"] = ("/Reports/Edit", "Submit"),
        ["POST /api/v1/reports/periods/{id:int}/units/{organizationId:int}/return"] = ("/Reports/View", "Return"),
        ["PUT /api/v1/reports/periods/{id:int}/bloc"] = ("/Reports/Bloc", "Save"),
        ["POST /api/v1/reports/periods/{id:int}/bloc/issue"] = ("/Reports/Bloc", "Issue"),
        ["POST /api/v1/replication/"] = ("/Showcase/Details", "Pledge"),
        ["POST /api/v1/replication/{id:int}/result"] = ("/Replication/Index", "Report"),
        ["POST /api/v1/discovered/"] = ("/Discovery/Index", "Record"),
        ["POST /api/v1/discovered/{id:int}/nurture"] = ("/Discovery/Index", "Nurture"),
        ["POST /api/v1/discovered/{id:int}/send"] = ("/Discovery/Index", "Send"),
        ["POST /api/v1/discovered/{id:int}/forward"] = ("/Discovery/Index", "Forward"),
        ["POST /api/v1/discovered/{id:int}/return"] = ("/Discovery/Index", "Return"),
        ["POST /api/v1/people/{id:int}/ratings"] = ("/People/Details", "Rating"),
        ["POST /api/v1/people/ratings/import"] = ("/People/Import", "Ratings"),
        ["PUT /api/v1/people/sync"] = ("/People/Import", "People"), // the registry sync's human twin: the people workbook
        ["PUT /api/v1/people/ratings/sync"] = ("/People/Import", "Ratings"),
        ["PUT /api/v1/organizations/sync"] = ("/Organizations/Import", ""),
        ["PUT /api/v1/organizations/ratings/sync"] = ("/People/Import", "Ratings"), // the workbook of ratings takes collectives' rows too
        ["POST /api/v1/people/"] = ("/People/Edit", ""),
        ["PUT /api/v1/people/{id:int}"] = ("/People/Edit", ""),
        ["POST /api/v1/people/{id:int}/discipline"] = ("/People/Details", "Discipline"),
        ["DELETE /api/v1/people/{id:int}/discipline/{disciplineId:int}"] = ("/People/Details", "RemoveDiscipline"),
        ["POST /api/v1/people/import"] = ("/People/Import", "People"),
        ["POST /api/v1/people/import/json"] = ("/People/Import", "People"),
        ["POST /api/v1/people/ratings/import/json"] = ("/People/Import", "Ratings"),
        ["POST /api/v1/organizations/"] = ("/Organizations/Edit", ""),
        ["PUT /api/v1/organizations/{id:int}"] = ("/Organizations/Edit", ""),
        ["POST /api/v1/organizations/{id:int}/ratings"] = ("/Organizations/Details", "Rating"),
        ["POST /api/v1/organizations/{id:int}/active"] = ("/Organizations/Details", "SetActive"),
        ["POST /api/v1/organizations/import"] = ("/Organizations/Import", ""),
        ["POST /api/v1/organizations/import/json"] = ("/Organizations/Import", ""),
        ["POST /api/v1/users/"] = ("/Users/Create", ""),
        ["POST /api/v1/users/{id}/active"] = ("/Users/Index", "SetActive"),
        ["POST /api/v1/users/import"] = ("/Users/Import", ""),
        ["POST /api/v1/users/import/json"] = ("/Users/Import", ""),
        ["PUT /api/v1/users/security"] = ("/Users/Security", ""),
        ["POST /api/v1/ceremonies/"] = ("/Ceremonies/Create", ""),
        ["POST /api/v1/ceremonies/{id:int}/guests/sync"] = ("/Ceremonies/Details", "Sync"),
        ["POST /api/v1/ceremonies/{id:int}/guests"] = ("/Ceremonies/Details", "AddGuest"),
        ["DELETE /api/v1/ceremonies/{id:int}/guests/{guestId:int}"] = ("/Ceremonies/Details", "RemoveGuest"),
        ["PATCH /api/v1/ceremonies/{id:int}/attendance"] = ("/Ceremonies/Details", "Attendance"),
        ["PUT /api/v1/ceremonies/{id:int}"] = ("/Ceremonies/Details", "Edit"),
        ["POST /api/v1/ceremonies/{id:int}/held"] = ("/Ceremonies/Details", "Held"),
        ["PUT /api/v1/ceremonies/{id:int}/story"] = ("/Ceremonies/Details", "Story"),
        ["POST /api/v1/webhooks/deliveries/{id:long}/retry"] = ("/Webhooks/Index", "Retry"),
        ["POST /api/v1/ceremonies/{id:int}/photos"] = ("/Ceremonies/Details", "Photo"),
    };

    private static readonly string[] Writes = ["POST", "PUT", "DELETE", "PATCH"];

    /// <summary>The API's write operations, as "METHOD /route"; sign-in and tokens (Identity's endpoints) are not an official's task.</summary>
    private List<string> ApiWrites()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/", StringComparison.Ordinal) && !raw.StartsWith("/api/v1/auth", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(Writes.Contains).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Every_write_operation_of_the_api_is_placed_on_a_page()
    {
        var writes = ApiWrites();
        Assert.True(writes.Count >= 25, $"only {writes.Count} write operations found: the enumeration is broken");
        var unplaced = writes.Where(w => !PageOf.ContainsKey(w)).ToList();
        Assert.True(unplaced.Count == 0, "API write operations with no page named here: " + string.Join(", ", unplaced));
        var stale = PageOf.Keys.Where(k => !writes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Table rows for API operations that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_page_and_handler_named_exists()
    {
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var loader = app.Services.GetRequiredService<PageLoader>();
        var missing = new List<string>();
        foreach (var (operation, (page, handler)) in PageOf)
        {
            if (!pages.TryGetValue(page, out var descriptor))
            {
                missing.Add($"{operation}: page {page} does not exist");
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            var method = handler == "Get" ? "Get" : "Post";
            var name = handler is "Get" or "" ? null : handler;
            if (!compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                missing.Add($"{operation}: {page} has no handler On{method}{name}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("; ", missing));
    }

    /// <summary>
    /// Page POST handlers with no API twin, and why (issue 17 point 1 asks a twin for every other one). Signing in and out
    /// have theirs under /api/v1/auth (login with the second step's code, logout), outside the table above.
    /// </summary>
    private static readonly Dictionary<(string Page, string Handler), string> NoTwin = new()
    {
        [("/Account/Login", "")] = "POST /api/v1/auth/login",
        [("/Account/LoginTwoFactor", "")] = "POST /api/v1/auth/login with twoFactorCode or twoFactorRecoveryCode",
        [("/Account/Logout", "")] = "POST /api/v1/auth/logout",
        [("/Account/ExternalLogin", "")] = "single sign-on is a browser's redirect to the provider (ADR 031)",
        [("/Account/ChangePassword", "")] = "an account's own password: only in a signed-in browser session, never by a bearer token (a stolen token must not lock the owner out)",
        [("/Account/TwoFactor", "Enable")] = "an account's own second factor: as the password",
        [("/Account/TwoFactor", "Disable")] = "an account's own second factor: as the password",
        [("/Account/TwoFactor", "RecoveryCodes")] = "an account's own second factor: as the password",
        [("/Error", "")] = "the error page answers a failed POST with the same page; it is no action",
    };

    [Fact]
    public async Task Every_post_handler_of_a_page_has_an_api_twin()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var descriptors = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var handlers = new List<(string Page, string Handler)>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            handlers.AddRange(compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase))
                .Select(h => (descriptor.ViewEnginePath, h.Name ?? string.Empty)));
        }

        Assert.True(handlers.Count >= 60, $"only {handlers.Count} page POST handlers found: the enumeration is broken");
        var twinned = PageOf.Values.Select(v => (v.Page, v.Handler)).ToHashSet();
        var missing = handlers.Distinct().Where(h => !twinned.Contains(h) && !NoTwin.ContainsKey(h)).Select(h => $"{h.Page} OnPost{h.Handler}").Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Page POST handlers with no API twin in the table: " + string.Join(", ", missing));
        var staleExemptions = NoTwin.Keys.Where(k => !handlers.Contains(k)).ToList();
        Assert.True(staleExemptions.Count == 0, "Exemptions for handlers that no longer exist: " + string.Join(", ", staleExemptions));
    }

    [Fact]
    public async Task A_draft_never_sent_is_deleted_from_its_page_behind_a_confirmation()
    {
        var personId = await app.WithDb(async db =>
        {
            var unit = await db.Organizations.SingleAsync(o => o.Code == "CS001");
            var code = "DEL" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var person = new Person { Code = code, FullName = "Trịnh Văn Xóa " + code[3..6], SearchName = "trinh van xoa", OrganizationId = unit.Id, IsPartyMember = true, PartyJoinYear = 2008, FieldCategoryCode = "3.2.5" };
            person.Ratings.AddRange(Enumerable.Range(2021, 5).Select(y => new PersonRating { Year = y, Rating = Rating.Excellent }));
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var api = await app.BearerAs("coso1@demo.vn");
        var clerk = await app.SignedInAs("coso1@demo.vn");
        using var created = await api.PostAsJsonAsync("/api/v1/nominations", new { round = "2026-2028", kind = "Individual", personId, category = "3.2.5" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();

        var page = await Forms.GetDocumentAsync(clerk, $"/Nominations/Edit/{id}");
        var form = page.QuerySelector("form[action*='handler=Delete']") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(form);
        Assert.Contains("Không khôi phục được", form.GetAttribute("data-confirm"), StringComparison.Ordinal);
        using var deleted = await Forms.SubmitAsync(clerk, $"/Nominations/Edit/{id}", new Dictionary<string, string>(), "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDb(db => db.Nominations.AnyAsync(n => n.Id == id)));
    }
}
