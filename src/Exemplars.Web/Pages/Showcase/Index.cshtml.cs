using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Showcase;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Showcase;

public sealed class IndexModel(ListExemplars.Handler list, Features.Plans.CategoryOptions.Handler categories) : PageModel
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

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListExemplars.SortKeys);

    /// <summary>The orders offered in the "Sắp xếp" choice.</summary>
    public static readonly Paging.SortChoice Orders = new("Sắp xếp", [(null, "Mới đăng trước"), ("cu", "Đăng lâu nhất trước"), ("ten", "Theo tên (A–Z)"), ("nam", "Năm khen thưởng gần nhất")]);

    public IReadOnlyList<(string Code, string Title)> Categories { get; private set; } = [];

    public Paged<ListExemplars.Item> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = (await categories.Distinct(null, ct)).Select(c => (c.Code, c.Title)).ToList();
        Result = await list.Handle(new ListExemplars.Query(Search, Category, Year, OrganizationId, Kind, PageNumber, Sort: Sort.Key), ct);
    }
}
