using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Nominations;

/// <summary>Extensions are granted by picking units from a searchable, paged list (no codes to type).</summary>
public sealed class ExtensionsModel(GrantExtension.Handler grant, ExtensionUnits.Handler list, ChooseRound.Handler rounds, CurrentUser me) : PageModel
{
    public Paging.SortModel Sort => Paging.SortModel.From(Request, ExtensionUnits.SortKeys);

    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public List<int> OrganizationIds { get; set; } = [];

    [BindProperty]
    public DateOnly? Until { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<Domain.Plans.Round> Rounds { get; private set; } = [];

    public ExtensionUnits.UnitList Units { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!NominationAccess.CanReview(me))
        {
            return Forbid();
        }

        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Rounds;
        Round = choice.Code;
        var result = await list.Handle(Round, Search, Paging.PageQuery.Number(Request), Sort.Key, Sort.Descending, ct);
        if (!result.IsSuccess)
        {
            return this.Handle(result.Errors) ?? NotFound();
        }

        Units = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await grant.Handle(new GrantExtension.Command(Round, null, Until ?? default, Reason, OrganizationIds), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã gia hạn nộp hồ sơ đợt {Round} cho {OrganizationIds.Distinct().Count()} đơn vị đến hết ngày {Until:dd/MM/yyyy}.";
            return RedirectToPage(new { Round, q = Search });
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        return await OnGetAsync(ct);
    }
}
