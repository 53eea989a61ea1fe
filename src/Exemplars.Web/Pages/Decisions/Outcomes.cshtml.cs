using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Decisions;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Decisions;

/// <summary>Record what the province decided for each candidate the bloc sent up.</summary>
public sealed class OutcomesModel(ProvinceOutcomes.Handler outcomes, Features.Issuers.CurrentNames.Handler names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty]
    public int NominationId { get; set; }

    [BindProperty]
    public ProvinceOutcome Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public IReadOnlyList<ProvinceOutcomes.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await outcomes.Record(NominationId, Version, Outcome, Note, ct);
        if (result.IsSuccess)
        {
            var name = (await outcomes.List(Round, ct)).Value.FirstOrDefault(r => r.NominationId == NominationId)?.Name;
            TempData["Message"] = $"Đã ghi kết quả của {(await names.GetAsync(ct)).Superior} cho {name}: {(Outcome == ProvinceOutcome.Commended ? "được khen thưởng" : "không được khen thưởng")}.";
            return RedirectToPage(new { round = Round });
        }

        return this.Handle(result.Errors) ?? await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var result = await outcomes.List(Round, ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Rows = result.Value;
        return null;
    }
}
