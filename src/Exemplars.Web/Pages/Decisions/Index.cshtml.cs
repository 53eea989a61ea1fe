using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Pages.Paging;
using Exemplars.Web.Features.Decisions;
using Exemplars.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Decisions;

public sealed class IndexModel(ListDecisions.Handler list, Infrastructure.Auth.CurrentUser me, Features.Plans.ChooseRound.Handler rounds) : PageModel
{
    /// <summary>The round whose documents the action buttons prepare (the latest by default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public bool CanIssue => BallotAccess.CanRun(me);

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListDecisions.SortKeys);

    public Paged<ListDecisions.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task<IActionResult> OnGetDocxAsync(int id, [FromServices] Features.Documents.DecisionDocument.Handler document, CancellationToken ct) =>
        Files.Docx(this, await document.Handle(id, ct));

    public async Task<IActionResult> OnGetAwardeesAsync(int id, [FromServices] Features.Documents.ListExports.Handler export, CancellationToken ct)
    {
        var result = await export.Awardees(id, ct);
        return result.IsSuccess ? File(result.Value, Infrastructure.Excel.Spreadsheet.ContentType, "danh-sach-khen-thuong.xlsx") : NotFound();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.Handle(null, PageNumber, Sort.Key, Sort.Descending, ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        if (CanIssue)
        {
            var choice = await rounds.Handle(Round, ct);
            Rounds = choice.Codes;
            Round = choice.Code;
        }

        return Page();
    }
}
