using Exemplars.Web.Features.Audit;
using Exemplars.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Audit;

public sealed class IndexModel(ListAuditEntries.Handler list) : PageModel
{
    public static IReadOnlyDictionary<string, string> EntityTypes => AuditLabels.Entities;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListAuditEntries.SortKeys);

    public Paged<ListAuditEntries.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.Handle(new ListAuditEntries.Query(UserFilter, OrganizationId, EntityType, EntityId, From, To, PageNumber, Sort: Sort.Key, Descending: Sort.Descending), ct);
}
