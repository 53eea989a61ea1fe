using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ballots;

public sealed class IndexModel(ListBallots.Handler list, Features.Plans.ChooseRound.Handler rounds, WaitingCandidates.Handler waiting, CurrentUser me) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListBallots.SortKeys);

    [BindProperty(SupportsGet = true, Name = "round")]
    public string? Round { get; set; }

    public Paged<ListBallots.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    /// <summary>Verified candidates of the round not yet on a main ballot.</summary>
    public IReadOnlyList<WaitingCandidates.Candidate> Waiting { get; private set; } = [];

    public IReadOnlyList<WaitingCandidates.Member> Members { get; private set; } = [];

    public bool CanRun => BallotAccess.CanRun(me);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!BallotAccess.CanSee(me))
        {
            return Forbid();
        }

        Result = await list.Handle(PageNumber, Sort.Key, Sort.Descending, ct);
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Codes;
        Round = choice.Code;
        if (CanRun && Round is not null && await waiting.Handle(Round, ct) is { IsSuccess: true } open)
        {
            Waiting = open.Value.Candidates;
            Members = open.Value.Members;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? round, string? title, int[]? nominationIds, string[]? trustees, int? threshold, [FromServices] OpenBallot.Handler open, CancellationToken ct)
    {
        var result = await open.Handle(new OpenBallot.Command(round, title, nominationIds ?? [], null, trustees ?? [], threshold), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã mở cuộc bỏ phiếu. Các thành viên Ban kiểm phiếu nhận mảnh khóa trên trang cuộc bỏ phiếu.";
            return RedirectToPage("/Ballots/Details", new { id = result.Value });
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        Round = round;
        return await OnGetAsync(ct);
    }
}
