using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.People;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Http.KeptResponses.Policy)]
public sealed class IndexModel(ListPeople.Handler list, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? PartyMember { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Leader { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public bool CanWrite => RegistryAccess.CanWrite(me);

    public Paged<ListPeople.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    /// <summary>Why the export was refused (a list longer than one XLSX sheet may hold), shown above the list.</summary>
    public string? ExportError { get; private set; }

    public async Task<IActionResult> OnGetExportAsync([FromServices] Features.Documents.ListExports.Handler export, CancellationToken ct)
    {
        return await Paging.Files.XlsxExport(this, await export.People(ct), "so-theo-doi.xlsx", error => ExportError = error, () => OnGetAsync(ct));
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.Handle(new ListPeople.Query(Search, null, PartyMember, Leader, PageNumber, Sort: Sort.Key, Descending: Sort.Descending), ct);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListPeople.SortKeys);
}
