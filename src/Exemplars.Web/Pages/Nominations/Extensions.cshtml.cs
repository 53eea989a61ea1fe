using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Nominations;

public sealed class ExtensionsModel(GrantExtension.Handler grant, AppDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!NominationAccess.CanReview(me))
        {
            return Forbid();
        }

        Rounds = await db.Rounds.OrderByDescending(r => r.LastRatingYear).Select(r => r.Code).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(GrantExtension.Command command, CancellationToken ct)
    {
        var result = await grant.Handle(command, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã gia hạn cho {command.OrganizationCode} đến hết ngày {command.Until:dd/MM/yyyy}.";
            return Redirect("/Nominations");
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        return await OnGetAsync(ct);
    }
}
