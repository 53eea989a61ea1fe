using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Nominations;

public sealed class CreateModel(CreateNomination.Handler create, ChooseRound.Handler rounds, PersonOptions.Handler people, OrganizationOptions.Handler organizations, CategoryOptions.Handler categories, PreviewNominee.Handler preview, CurrentUser me) : PageModel
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

    /// <summary>The unit's own commendation the dossier is promoted from, if any: its achievements prefill the dossier.</summary>
    [BindProperty(SupportsGet = true)]
    public int? FromCommendation { get; set; }

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
        var result = await create.Handle(new CreateNomination.Command(Round, Kind, PersonId, CollectiveId, Category, BusinessLeader, FromCommendation), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lập hồ sơ. Hãy hoàn thiện báo cáo thành tích, minh chứng và biên bản họp bình xét.";
            return RedirectToPage("/Nominations/Edit", new { id = result.Value });
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
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Rounds;
        Round = choice.Code;
        People = (await people.Handle(ct)).Select(p => (p.Id, p.Label)).ToList();
        Collectives = (await organizations.Collectives(ct)).Select(o => (o.Id, o.Name)).ToList();
        Categories = await categories.OfRound(Round, ct);
        Eligibility = await Evaluate(ct);
    }

    private Task<EligibilityResult?> Evaluate(CancellationToken ct) =>
        preview.Handle(new PreviewNominee.Query(Round, Kind, PersonId, CollectiveId, Category, BusinessLeader), ct);
}
