using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Ballots;

public sealed class SelectionModel(GetSelection.Handler selection, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public GetSelection.Response? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetExportAsync([FromServices] Features.Documents.ListExports.Handler export, CancellationToken ct)
    {
        var result = await export.Candidates(Round, ct);
        return result.IsSuccess ? File(result.Value, Infrastructure.Excel.Spreadsheet.ContentType, "ket-qua-lua-chon.xlsx") : NotFound();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.OrderByDescending(r => r.LastRatingYear).Select(r => r.Code).ToListAsync(ct);
        Round ??= Rounds.Count > 0 ? Rounds[0] : null;
        var result = await selection.Handle(Round, ct);
        if (!result.IsSuccess && result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Result = result.IsSuccess ? result.Value : null;
        Error = result.IsSuccess ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        return Page();
    }
}
