using Exemplars.Web.Features.Reports;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Reports;

/// <summary>
/// The secretariat edits the assessment of the bloc report (kết quả, hạn chế và nguyên nhân, phương hướng), drafted
/// from the units' reports, then issues it: the register gives its number and the text is frozen.
/// </summary>
public sealed class BlocModel(GetBlocReport.Handler reports, SaveBlocReport.Handler save, IssueBlocReport.Handler issue, BlocReportDocuments.Handler documents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PeriodId { get; set; }

    [BindProperty]
    public string? ResultsHtml { get; set; }

    [BindProperty]
    public string? LimitationsHtml { get; set; }

    [BindProperty]
    public string? DirectionsHtml { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public GetBlocReport.View? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        ResultsHtml = Report!.ResultsHtml;
        LimitationsHtml = Report.LimitationsHtml;
        DirectionsHtml = Report.DirectionsHtml;
        Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => Files.Docx(this, await documents.Docx(PeriodId, ct));

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var result = await save.Handle(new SaveBlocReport.Command(PeriodId, ResultsHtml, LimitationsHtml, DirectionsHtml, Version), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lưu nội dung báo cáo tổng hợp.";
            return RedirectToPage(new { periodId = PeriodId });
        }

        return await Redisplay(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var saved = await save.Handle(new SaveBlocReport.Command(PeriodId, ResultsHtml, LimitationsHtml, DirectionsHtml, Version), ct);
        if (!saved.IsSuccess)
        {
            return await Redisplay(saved.Errors, ct);
        }

        var result = await issue.Handle(PeriodId, saved.Value.Version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã ban hành báo cáo tổng hợp số {result.Value}.";
            return RedirectToPage(new { periodId = PeriodId });
        }

        // The text was saved: the form carries its new version, not the one posted.
        ModelState.Remove(nameof(Version));
        Version = saved.Value.Version;
        return await Redisplay(result.Errors, ct);
    }

    private async Task<IActionResult> Redisplay(IReadOnlyList<Domain.Common.DomainError> errors, CancellationToken ct)
    {
        if (this.Handle(errors) is { } refused)
        {
            return refused;
        }

        return await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var result = await reports.Handle(PeriodId, ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Report = result.Value;
        return null;
    }
}
