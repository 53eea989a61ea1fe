using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Showcase;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Showcase;

public sealed class IndexModel(ListExemplars.Handler list, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public NomineeKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public IReadOnlyList<(string Code, string Title)> Categories { get; private set; } = [];

    public Paged<ListExemplars.Item> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = (await db.Categories.OrderBy(c => c.SortOrder).Select(c => new { c.Code, c.Title }).ToListAsync(ct)).DistinctBy(c => c.Code).Select(c => (c.Code, c.Title)).ToList();
        Result = await list.Handle(new ListExemplars.Query(Search, Category, Year, OrganizationId, Kind, PageNumber), ct);
    }
}
