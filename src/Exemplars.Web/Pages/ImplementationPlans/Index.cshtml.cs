using System.Globalization;
using Exemplars.Web.Features.ImplementationPlans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.ImplementationPlans;

/// <summary>
/// Grassroots implementation plans: a clerk records its committee's plan (number, date, summary, signed file); the
/// secretariat sees which units have and have not, sets the due date, and opens each file.
/// </summary>
public sealed class IndexModel(TrackImplementationPlans.Handler track, GetOwnImplementationPlan.Handler own, RecordImplementationPlan.Handler record,
    SetImplementationPlansDue.Handler due, OpenImplementationPlanFile.Handler files, PlanChoice.Handler plans, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public TrackImplementationPlans.Filter Filter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    public IReadOnlyList<ImplementationPlanAccess.PlanInfo> Plans { get; private set; } = [];

    public TrackImplementationPlans.Response? Tracker { get; private set; }

    public GetOwnImplementationPlan.Response? Mine { get; private set; }

    public bool IsClerk => ImplementationPlanAccess.CanRecord(me);

    public bool CanSetDue => ImplementationPlanAccess.CanSetDue(me);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        if (Mine?.Mine is { } m)
        {
            (Number, IssuedOn, Summary, Version) = (m.Number, m.IssuedOn, m.Summary, m.Version);
        }

        DueOn = (Tracker?.Plan ?? Mine?.Plan)?.DueOn;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        RecordImplementationPlan.Attachment? attachment = null;
        if (Upload is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            attachment = new RecordImplementationPlan.Attachment(Upload.FileName, buffer.ToArray());
        }

        var result = await record.Handle(new RecordImplementationPlan.Command(Plan, Number, Text(IssuedOn), Summary, Version), attachment, ct);
        return await Outcome(result.Errors, "Đã ghi kế hoạch thực hiện của đơn vị.", ct);
    }

    public async Task<IActionResult> OnPostDueAsync(CancellationToken ct)
    {
        var plan = await plans.One(Plan, ct);
        if (!plan.IsSuccess)
        {
            return this.Refusal(plan.Errors);
        }

        var result = await due.Handle(plan.Value.Code, new SetImplementationPlansDue.Command(Text(DueOn), Version), ct);
        return await Outcome(result.Errors, DueOn is null ? "Đã bỏ hạn ban hành kế hoạch thực hiện." : "Đã đặt hạn ban hành kế hoạch thực hiện.", ct);
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct) =>
        await files.Handle(id, ct) is { IsSuccess: true } ok ? File(ok.Value.Content, ok.Value.ContentType, ok.Value.FileName) : NotFound();

    private static string? Text(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<IActionResult> Outcome(IReadOnlyList<Domain.Common.DomainError> errors, string message, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { plan = Plan });
        }

        if (this.Handle(errors) is { } refused)
        {
            return refused;
        }

        return await Load(ct) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        Plans = await plans.All(ct);
        if (IsClerk)
        {
            var result = await own.Handle(Plan, ct);
            if (!result.IsSuccess)
            {
                return this.Refusal(result.Errors);
            }

            Mine = result.Value;
            Plan = Mine.Plan.Code;
            return null;
        }

        var tracked = await track.Handle(Plan, Filter, Q, PageQuery.Number(Request), ct);
        if (!tracked.IsSuccess)
        {
            return this.Refusal(tracked.Errors);
        }

        Tracker = tracked.Value;
        Plan = Tracker.Plan.Code;
        return null;
    }
}
