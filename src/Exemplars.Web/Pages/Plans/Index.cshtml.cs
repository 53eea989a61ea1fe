using Exemplars.Web.Features.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Plans;

public sealed class IndexModel(ListPlans.Handler list) : PageModel
{
    public IReadOnlyList<ListPlans.Row> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await list.Handle(ct);
}
