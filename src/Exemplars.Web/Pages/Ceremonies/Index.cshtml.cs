using Exemplars.Web.Features.Ceremonies;
using Exemplars.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ceremonies;

/// <summary>The ceremonies the caller may see, searchable and paged.</summary>
public sealed class IndexModel(ListCeremonies.Handler list, Infrastructure.Auth.CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public bool CanManage => CeremonyAccess.CanManage(me);

    public Paged<ListCeremonies.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.Handle(Search, Paging.PageQuery.Number(Request), ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        return Page();
    }
}
