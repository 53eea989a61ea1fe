using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Replication;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Replication;

public sealed class IndexModel(Pledges.Handler pledges, CurrentUser me) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, Pledges.SortKeys);

    public Paged<Pledges.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public bool CanReport => me.IsInRole(Domain.Users.Roles.GrassrootsClerk);

    public async Task OnGetAsync(CancellationToken ct) => Result = await pledges.List(PageNumber, Sort.Key, Sort.Descending, ct);

    public async Task<IActionResult> OnPostReportAsync(int id, string? result, Guid? version, CancellationToken ct)
    {
        var outcome = await pledges.Report(id, result, version, ct);
        if (outcome.IsSuccess)
        {
            TempData["Message"] = "Đã báo cáo kết quả.";
            return RedirectToPage();
        }

        if (this.Handle(outcome.Errors) is { } refused)
        {
            return refused;
        }

        await OnGetAsync(ct);
        return Page();
    }
}
