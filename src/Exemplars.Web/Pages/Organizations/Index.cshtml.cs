using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Organizations;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Http.KeptResponses.Policy)]
public sealed class IndexModel(ListOrganizations.Handler list, ExportOrganizations.Handler export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrganizationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public HostUnitType? HostUnitType { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool IncludeInactive { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paged<OrganizationRow> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListOrganizations.SortKeys);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.Handle(new ListOrganizations.Query(Search, Kind, HostUnitType, IncludeInactive, PageNumber, Sort: Sort.Key, Descending: Sort.Descending), ct);

    /// <summary>Why the export was refused (a list longer than one XLSX sheet may hold), shown above the list.</summary>
    public string? ExportError { get; private set; }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        return await Paging.Files.XlsxExport(this, await export.Handle(ct), "to-chuc.xlsx", error => ExportError = error, () => OnGetAsync(ct));
    }
}
