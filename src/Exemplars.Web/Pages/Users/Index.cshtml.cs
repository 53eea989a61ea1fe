using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Users;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Users;

public sealed class IndexModel(ListUsers.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListUsers.SortKeys);

    public Paged<ListUsers.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.Handle(new ListUsers.Query(Search, Role, Page: PageNumber, Sort: Sort.Key, Descending: Sort.Descending), ct);

    public async Task<IActionResult> OnPostSetActiveAsync(string id, bool active, [FromServices] SetUserActive.Handler handler, CancellationToken ct)
    {
        var result = await handler.Handle(id, active, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = active ? "Đã kích hoạt lại tài khoản." : "Đã ngừng kích hoạt tài khoản.";
            return RedirectToPage();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        await OnGetAsync(ct);
        return Page();
    }
}
