using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Nominations;

public sealed class CreateModel(CreateNomination.Handler create, AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public NomineeKind Kind { get; set; } = NomineeKind.Individual;

    [BindProperty(SupportsGet = true)]
    public int? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CollectiveId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? BusinessLeader { get; set; }

    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> People { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Collectives { get; private set; } = [];

    public IReadOnlyList<NomineeCategory> Categories { get; private set; } = [];

    public EligibilityResult? Eligibility { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!NominationAccess.CanDraft(me))
        {
            return Forbid();
        }

        await Load(ct);
        return Page();
    }

    /// <summary>htmx asks for the verdict whenever the form changes: the clerk sees it live, before creating anything.</summary>
    public async Task<IActionResult> OnGetEligibilityAsync(CancellationToken ct)
    {
        if (!NominationAccess.CanDraft(me))
        {
            return Forbid();
        }

        return Partial("_Eligibility", await Evaluate(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.Handle(new CreateNomination.Command(Round, Kind, PersonId, CollectiveId, Category, BusinessLeader), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lập hồ sơ. Hãy hoàn thiện báo cáo thành tích, minh chứng và biên bản họp bình xét.";
            return Redirect($"/Nominations/Edit/{result.Value}");
        }

        if (result.Errors[0].Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Rounds = RoundOrder.CurrentFirst(await db.Rounds.AsNoTracking().ToListAsync(ct), Infrastructure.VietnamTime.Today(clock));
        Round ??= Rounds.Count > 0 ? Rounds[0].Code : null;
        People = (await db.People.InScopeOf(me).Where(p => p.IsActive).OrderBy(p => p.FullName).Select(p => new { p.Id, p.FullName, p.Code }).Take(2000).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.FullName} ({p.Code})")).ToList();
        Collectives = (await db.Organizations.InScopeOf(me).Where(o => o.IsActive && (o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit))
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).Take(500).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        var planId = Rounds.FirstOrDefault(r => r.Code == Round)?.PlanId;
        Categories = await db.Categories.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.SortOrder).ToListAsync(ct);
        Eligibility = await Evaluate(ct);
    }

    private async Task<EligibilityResult?> Evaluate(CancellationToken ct)
    {
        var context = await RoundContext.LoadAsync(db, Round, ct);
        if (!context.IsSuccess || string.IsNullOrEmpty(Category))
        {
            return null;
        }

        EligibilityFacts? facts = null;
        if (Kind == NomineeKind.Individual && PersonId is { } pid)
        {
            facts = await RegistryLoader.PersonFactsAsync(db, db.People.InScopeOf(me), pid, Category, familyLawAttested: false, ct);
        }
        else if (Kind == NomineeKind.Collective && CollectiveId is { } cid && await db.Organizations.InScopeOf(me).AnyAsync(o => o.Id == cid, ct))
        {
            facts = await RegistryLoader.CollectiveFactsAsync(db, cid, Category, ct);
        }

        if (facts is null || EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is not null)
        {
            return null;
        }

        facts = facts with { BusinessLeader = EnterpriseBranch.Required(Kind, Category) ? BusinessLeader : null };
        return EligibilityEngine.Evaluate(facts, context.Value.Round.Terms, context.Value.Criteria, context.Value.Round.CriteriaVersion);
    }
}
