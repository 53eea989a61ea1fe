using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Reports;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Reports;

/// <summary>A grassroots clerk writes the committee's report, saves the draft and sends it.</summary>
public sealed class EditModel(GetReport.Handler reports, SaveReport.Handler save, SubmitReport.Handler submit, Features.Issuers.CurrentNames.Handler names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PeriodId { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public GetReport.View? Report { get; private set; }

    public bool CanEdit => Report is { Status: ReportStatus.Draft };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        Narrative = Report!.Narrative;
        Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var result = await save.Handle(new SaveReport.Command(PeriodId, Narrative, Version), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lưu dự thảo báo cáo.";
            return RedirectToPage(new { periodId = PeriodId });
        }

        return await Redisplay(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var saved = await save.Handle(new SaveReport.Command(PeriodId, Narrative, Version), ct);
        if (!saved.IsSuccess)
        {
            return await Redisplay(saved.Errors, ct);
        }

        var result = await submit.Handle(PeriodId, saved.Value.Version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã gửi báo cáo về {(await names.GetAsync(ct)).SigningOrgan}.";
            return RedirectToPage(new { periodId = PeriodId });
        }

        // The draft was saved: the form must carry its new version, not the one posted (which ModelState would echo).
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
        var result = await reports.Handle(PeriodId, null, ct);
        if (!result.IsSuccess)
        {
            return this.Refusal(result.Errors);
        }

        Report = result.Value;
        return null;
    }
}
