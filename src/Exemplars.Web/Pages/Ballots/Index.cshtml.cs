using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Ballots;

public sealed class IndexModel(ListBallots.Handler list, AppDbContext db, CurrentUser me) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paged<ListBallots.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public bool CanRun => BallotAccess.CanRun(me);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!BallotAccess.CanSee(me))
        {
            return Forbid();
        }

        Result = await list.Handle(PageNumber, ct);
        Rounds = await db.Rounds.OrderByDescending(r => r.LastRatingYear).Select(r => r.Code).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(OpenBallot.Command command, [FromServices] OpenBallot.Handler open, CancellationToken ct)
    {
        var result = await open.Handle(command with { NominationIds = null }, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã mở cuộc bỏ phiếu.";
            return Redirect($"/Ballots/Details/{result.Value}");
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        return await OnGetAsync(ct);
    }
}
