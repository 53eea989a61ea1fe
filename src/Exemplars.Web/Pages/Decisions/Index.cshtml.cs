using Exemplars.Web.Pages.Paging;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Decisions;

public sealed class IndexModel(ListDecisions.Handler list) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

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
        var result = await list.Handle(null, PageNumber, ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        return Page();
    }
}
