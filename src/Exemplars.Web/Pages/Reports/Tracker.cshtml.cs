using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Reports;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Reports;

/// <summary>The secretariat's tracker for one period, the aggregated downloads, and (for admins) the period's dates.</summary>
public sealed class TrackerModel(ReportTracker.Handler tracker, BlocReportDocuments.Handler documents, UpdateReportingPeriod.Handler update, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PeriodId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeadlineState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ReportTracker.SortKeys);

    [BindProperty]
    public DateOnly From { get; set; }

    [BindProperty]
    public DateOnly To { get; set; }

    [BindProperty]
    public DateOnly Deadline { get; set; }

    /// <summary>The period's version as the page read it (ADR 012).</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public ReportTracker.Response? Result { get; private set; }

    public bool IsAdmin => me.IsInRole(Domain.Users.Roles.Admin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        From = Result!.From;
        To = Result.To;
        Deadline = Result.Deadline;
        Version = Result.PeriodVersion;
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => Files.Docx(this, await documents.Docx(PeriodId, ct));

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => Files.Xlsx(this, await documents.Xlsx(PeriodId, ct));

    public async Task<IActionResult> OnPostDatesAsync(CancellationToken ct)
    {
        var result = await update.Handle(PeriodId, From, To, Deadline, Version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã cập nhật lịch của kỳ báo cáo.";
            return RedirectToPage(new { periodId = PeriodId });
        }

        if (this.Handle(result.Errors) is { } refused)
        {
            return refused;
        }

        return await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var result = await tracker.Handle(PeriodId, State, Q, PageNumber, Sort.Key, Sort.Descending, ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Result = result.Value;
        return null;
    }
}
