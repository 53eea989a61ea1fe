using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Organizations;

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
        var result = await export.Handle(ct);
        if (result.IsSuccess)
        {
            return File(result.Value, Spreadsheet.ContentType, "to-chuc.xlsx");
        }

        ExportError = string.Join(" ", result.Errors.Select(e => e.Message));
        await OnGetAsync(ct);
        var page = Page();
        page.StatusCode = Infrastructure.Http.Problems.StatusOf(result.Errors[0].Kind);
        return page;
    }
}
