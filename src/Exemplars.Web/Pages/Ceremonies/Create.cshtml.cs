using Exemplars.Web.Features.Ceremonies;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ceremonies;

/// <summary>Plans the ceremony of a decision: the form comes prefilled from the round (date, occasion) and the decision (programme).</summary>
public sealed class CreateModel(CreateCeremony.Handler create) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Decision { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Occasion { get; set; }

    [BindProperty]
    public DateOnly Date { get; set; }

    [BindProperty]
    public TimeOnly StartsAt { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Programme { get; set; }

    [BindProperty]
    public int SeatsPerRow { get; set; }

    public CreateCeremony.DecisionFacts? Facts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var prefill = await create.Prefill(Decision, ct);
        if (!prefill.IsSuccess)
        {
            return this.Handle(prefill.Errors) ?? Page();
        }

        Facts = prefill.Value.Decision;
        var d = prefill.Value.Draft;
        (Title, Occasion, Date, StartsAt, Place, Programme, SeatsPerRow) = (d.Title, d.Occasion, d.Date, d.StartsAt, d.Place, d.Programme, d.SeatsPerRow ?? 10);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.Handle(new CreateCeremony.Command(Decision, Title, Occasion, Date, StartsAt, Place, Programme, SeatsPerRow), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lập lễ tuyên dương và danh sách mời từ quyết định.";
            return RedirectToPage("/Ceremonies/Details", new { id = result.Value });
        }

        if (this.Handle(result.Errors) is { } refused)
        {
            return refused;
        }

        var prefill = await create.Prefill(Decision, ct);
        Facts = prefill.IsSuccess ? prefill.Value.Decision : null;
        return Page();
    }
}
