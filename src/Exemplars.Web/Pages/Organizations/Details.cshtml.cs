using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Organizations;

public sealed class DetailsModel(GetOrganization.Handler get, GetCollectiveRatings.Handler ratings, CurrentUser me) : PageModel
{
    public GetOrganization.Details Details { get; private set; } = null!;

    public IReadOnlyList<CollectiveRating> Ratings { get; private set; } = [];

    public bool CanWriteRatings => RegistryAccess.CanWrite(me);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.Handle(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Details = result.Value;
        Ratings = await ratings.Handle(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRatingAsync(int id, int year, CollectiveBody body, Rating? rating, string? seen, [FromServices] SetRating.Handler handler, CancellationToken ct)
    {
        var result = await handler.ForCollective(id, year, body, rating, seen, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã ghi xếp loại năm {year}.";
            return RedirectToPage(new { id });
        }

        switch (result.Errors[0].Kind)
        {
            case Domain.Common.ErrorKind.NotFound:
                return NotFound();
            case Domain.Common.ErrorKind.Forbidden:
                return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSetActiveAsync(int id, bool active, Guid? version, [FromServices] SetOrganizationActive.Handler handler, CancellationToken ct)
    {
        // Razor Pages ignore [Authorize] on handler methods: the role is checked here.
        if (!me.IsInRole(Domain.Users.Roles.Admin))
        {
            return Forbid();
        }

        var result = await handler.Handle(id, active, version, ct);
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
