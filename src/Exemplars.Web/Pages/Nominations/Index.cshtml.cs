using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Nominations;

public sealed class IndexModel(ListNominations.Handler list, AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public NominationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public NomineeKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public int PageNumber => Paging.PageQuery.Number(Request);

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public Paged<ListNominations.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public DateOnly Today => VietnamTime.Today(clock);

    public bool CanDraft => NominationAccess.CanDraft(me);

    public bool CanReview => NominationAccess.CanReview(me);

    public async Task<IActionResult> OnGetExportAsync([FromServices] Features.Documents.ListExports.Handler export, CancellationToken ct) =>
        File(await export.Nominations(Round, ct), Infrastructure.Excel.Spreadsheet.ContentType, "ho-so-de-nghi.xlsx");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.OrderByDescending(r => r.LastRatingYear).Select(r => r.Code).ToListAsync(ct);
        Result = await list.Handle(new ListNominations.Query(Round, Status, Kind, Category, PageNumber, OrganizationId: OrganizationId), ct);
        Categories = await db.Categories.Select(c => c.Code).Distinct().OrderBy(c => c).ToListAsync(ct);
        if (CanReview)
        {
            Units = (await Features.Organizations.OrganizationScope.InScopeOf(db.Organizations, me).Where(o => o.Kind == Domain.Organizations.OrganizationKind.Grassroots)
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(1000).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        }
    }
}
