using Exemplars.Web.Pages.Paging;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ballots;

public sealed class DetailsModel(GetBallot.Handler get, CurrentUser me) : PageModel
{
    public GetBallot.Details Ballot { get; private set; } = null!;

    public bool CanRun => BallotAccess.CanRun(me);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.Handle(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Ballot = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetMinutesAsync(int id, [FromServices] Features.Documents.BallotMinutesDocument.Handler document, CancellationToken ct) =>
        Files.Docx(this, await document.Handle(id, ct));

    public async Task<IActionResult> OnPostVoteAsync(int id, Dictionary<int, BallotChoice> choices, [FromServices] CastVote.Handler vote, CancellationToken ct) =>
        await Outcome(id, await vote.Handle(id, choices, ct), "Đã ghi nhận phiếu của đồng chí.", ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, string? share, [FromServices] CloseBallot.Handler close, CancellationToken ct)
    {
        var result = await close.Handle(id, share, ct);
        if (!result.IsSuccess)
        {
            return await Outcome(id, Result<bool>.Failure(result.Errors), string.Empty, ct);
        }

        var outcome = result.Value;
        return await Outcome(id, true, outcome.Closed
            ? "Đã kiểm phiếu và kết thúc bỏ phiếu; kết quả đã được công bố."
            : $"Đã nhận mảnh khóa ({outcome.SharesEntered}/{outcome.Threshold}); chờ các thành viên khác của Ban kiểm phiếu.", ct);
    }

    private async Task<IActionResult> Outcome(int id, Result<bool> result, string message, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(id, ct);
    }
}
