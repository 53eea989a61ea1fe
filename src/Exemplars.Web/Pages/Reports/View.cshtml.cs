using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Reports;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Reports;

/// <summary>The secretariat reads one unit's report and may return it with a reason.</summary>
public sealed class ViewModel(GetReport.Handler reports, ReturnReport.Handler returns, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PeriodId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int OrganizationId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public GetReport.View? Report { get; private set; }

    public bool CanReturn => ReportAccess.CanManage(me) && Report is { Status: ReportStatus.Submitted };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        var result = await returns.Handle(PeriodId, OrganizationId, Version, Reason, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã trả lại báo cáo cho đơn vị.";
            return RedirectToPage(new { periodId = PeriodId, organizationId = OrganizationId });
        }

        if (this.Handle(result.Errors) is { } refused)
        {
            return refused;
        }

        return await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        if (ReportAccess.IsClerk(me))
        {
            return Forbid();
        }

        var result = await reports.Handle(PeriodId, OrganizationId, ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Report = result.Value;
        ModelState.Remove(nameof(Version));
        Version = Report.Version;
        return null;
    }
}
