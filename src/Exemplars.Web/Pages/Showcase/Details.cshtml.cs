using Exemplars.Web.Features.Showcase;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Showcase;

public sealed class DetailsModel(ListExemplars.Handler list, Features.Replication.Pledges.Handler pledges, Infrastructure.Auth.CurrentUser me) : PageModel
{
    public ListExemplars.Item Item { get; private set; } = null!;

    public int Replications { get; private set; }

    public bool CanPledge => me.IsInRole(Domain.Users.Roles.GrassrootsClerk);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await list.Items().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        Replications = await pledges.CountFor(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPledgeAsync(int id, string? whatToApply, DateOnly dueOn, CancellationToken ct)
    {
        if (!me.IsAuthenticated)
        {
            return Challenge();
        }

        var result = await pledges.Pledge(id, whatToApply, dueOn, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đơn vị đã đăng ký học tập, làm theo gương này.";
            return RedirectToPage(new { id });
        }

        return Paging.PageErrors.Handle(this, result.Errors) ?? await OnGetAsync(id, ct);
    }
}
