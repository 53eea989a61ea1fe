using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Nominations;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Http.KeptResponses.Policy)]
public sealed class IndexModel(ListNominations.Handler list, ChooseRound.Handler rounds, CategoryOptions.Handler categories, OrganizationOptions.Handler organizations, CurrentUser me, TimeProvider clock) : PageModel
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

    /// <summary>The unit filter, for those who review every unit's dossiers; null for a clerk.</summary>
    public OrganizationOptions.Picked? Units { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? UnitSearch { get; set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListNominations.SortKeys);

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public Paged<ListNominations.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public DateOnly Today => VietnamTime.Today(clock);

    public bool CanDraft => NominationAccess.CanDraft(me);

    public bool CanReview => NominationAccess.CanReview(me);

    /// <summary>Why the export was refused (a list longer than one XLSX sheet may hold), shown above the list.</summary>
    public string? ExportError { get; private set; }

    public async Task<IActionResult> OnGetExportAsync([FromServices] Features.Documents.ListExports.Handler export, CancellationToken ct)
    {
        return await Paging.Files.XlsxExport(this, await export.Nominations(Round, ct), "ho-so-de-nghi.xlsx", error => ExportError = error, () => OnGetAsync(ct));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // No round asked for: the open round. An empty round ("Tất cả") lists every round.
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Codes;
        Round = Request.Query.ContainsKey("round") && string.IsNullOrWhiteSpace(Round) ? null : choice.Code;
        Result = await list.Handle(new ListNominations.Query(Round, Status, Kind, Category, PageNumber, OrganizationId: OrganizationId, Sort: Sort.Key, Descending: Sort.Descending), ct);
        Categories = (await categories.Distinct(null, ct)).Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        if (CanReview)
        {
            Units = await organizations.Grassroots(includeInactive: true, UnitSearch, OrganizationId, ct);
        }
    }
}
