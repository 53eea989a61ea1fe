using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.People;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.People;

/// <summary>"Chất lượng dữ liệu xếp loại": the organisation-years over the 20 % cap on excellent ratings, in the caller's scope (ADR 026).</summary>
public sealed class RatingQualityModel(RatingQuality.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public Paged<RatingQuality.Warning> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await handler.Handle(new RatingQuality.Query(Search, Year is >= BoundedInput.MinYear and <= BoundedInput.MaxYear ? Year : null, Paging.PageQuery.Number(Request)), ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Result = result.Value;
        return Page();
    }
}
