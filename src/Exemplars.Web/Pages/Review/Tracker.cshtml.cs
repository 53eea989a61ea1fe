using Exemplars.Web.Features.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Review;

public sealed class TrackerModel(RoundTracker.Handler tracker, Features.Plans.ChooseRound.Handler rounds) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public Domain.Common.DeadlineState? State { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, RoundTracker.SortKeys);

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public RoundTracker.Response? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Codes;
        Round = choice.Code;
        var result = await tracker.Handle(Round, State, PageNumber, Sort.Key, Sort.Descending, ct);
        if (!result.IsSuccess && result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Result = result.IsSuccess ? result.Value : null;
        return Page();
    }
}
