using Exemplars.Web.Features.Showcase;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Showcase;

public sealed class DetailsModel(ListExemplars.Handler list) : PageModel
{
    public ListExemplars.Item Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await list.Items().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }
}
