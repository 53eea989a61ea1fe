using Exemplars.Web.Features.Plans;
using Exemplars.Web.Features.PublicComments;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Http;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.PublicComments;

/// <summary>The secretariat opens public comment on chosen verified candidates, between two dates, and closes it early.</summary>
public sealed class PeriodsModel(CommentPeriods.Handler periods, OpenCommentPeriod.Handler open, ChooseRound.Handler rounds, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty]
    public List<int> NominationIds { get; set; } = [];

    [BindProperty]
    public DateOnly? StartsOn { get; set; }

    [BindProperty]
    public DateOnly? EndsOn { get; set; }

    public IReadOnlyList<Domain.Plans.Round> Rounds { get; private set; } = [];

    public CommentPeriods.Overview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Rounds;
        Round = choice.Code;
        var result = await periods.Overview(Round, ct);
        if (!result.IsSuccess)
        {
            return this.Handle(result.Errors) ?? NotFound();
        }

        Overview = result.Value;
        StartsOn ??= today;
        EndsOn ??= today.AddDays(14);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var result = await open.Handle(new OpenCommentPeriod.Command(Round, StartsOn ?? default, EndsOn ?? default, NominationIds), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã mở lấy ý kiến công khai về {NominationIds.Distinct().Count()} ứng viên từ {StartsOn:dd/MM/yyyy} đến hết {EndsOn:dd/MM/yyyy}.";
            return RedirectToPage(new { Round });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        var result = await periods.Close(id, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã kết thúc đợt lấy ý kiến; các ứng viên không còn hiển thị công khai.";
            return RedirectToPage(new { Round });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }
}
