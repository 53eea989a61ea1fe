using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Organizations;

public sealed class DetailsModel(GetOrganization.Handler get, CurrentUser me) : PageModel
{
    public GetOrganization.Details Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.Handle(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Details = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostSetActiveAsync(int id, bool active, [FromServices] SetOrganizationActive.Handler handler, CancellationToken ct)
    {
        // Razor Pages ignore [Authorize] on handler methods: the role is checked here.
        if (!me.IsInRole(Domain.Users.Roles.Admin))
        {
            return Forbid();
        }

        var result = await handler.Handle(id, active, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = active ? "Tổ chức đã hoạt động trở lại." : "Tổ chức đã ngừng hoạt động.";
            return RedirectToPage(new { id });
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problems.AddTo(ModelState, result.Errors);
        return await OnGetAsync(id, ct);
    }
}
