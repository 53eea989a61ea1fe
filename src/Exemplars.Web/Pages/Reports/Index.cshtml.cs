using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Reports;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Reports;

public sealed class IndexModel(ListReportingPeriods.Handler periods, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListReportingPeriods.SortKeys);

    public Paged<ListReportingPeriods.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public bool IsClerk => ReportAccess.IsClerk(me);

    public static string StatusLabel(ReportStatus? status) => status switch
    {
        ReportStatus.Submitted => "Đã gửi",
        _ => "Chưa gửi",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await periods.Handle(Year, PageNumber, Sort.Key, Sort.Descending, ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        return Page();
    }
}
