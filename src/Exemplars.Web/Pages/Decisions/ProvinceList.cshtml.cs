using Exemplars.Web.Features.Decisions;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Decisions;

/// <summary>Adjust the list sent to the province: move one commended candidate in or out, with a written justification.</summary>
public sealed class ProvinceListModel(OverrideSelection.Handler overrides, Features.Issuers.CurrentNames.Handler names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty]
    public int NominationId { get; set; }

    [BindProperty]
    public bool Include { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public OverrideSelection.ListState? State { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await overrides.Handle(new OverrideSelection.Command(Round, NominationId, Include, Justification), ct);
        if (result.IsSuccess)
        {
            var superior = (await names.GetAsync(ct)).Superior;
            TempData["Message"] = Include ? $"Đã đưa vào danh sách đề nghị {superior}; giải trình đã được lưu." : $"Đã đưa ra khỏi danh sách đề nghị {superior}; giải trình đã được lưu.";
            return RedirectToPage(new { round = Round });
        }

        return this.Handle(result.Errors) ?? await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var result = await overrides.Prepare(Round, ct);
        if (!result.IsSuccess)
        {
            if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
            {
                return Forbid();
            }

            Problems(result.Errors);
            return null;
        }

        State = result.Value;
        return null;
    }

    private void Problems(IReadOnlyList<Domain.Common.DomainError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }
    }
}
