using System.ComponentModel.DataAnnotations;
using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Plans;

[Authorize(Policy = AppAuth.AdminPolicy)]
public sealed class EditRoundModel(GetRound.Handler get, UpdateRound.Handler update) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public int PlanId { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Tên đợt")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Năm xếp loại đầu")]
        public int FirstRatingYear { get; set; }

        [Display(Name = "Năm xếp loại cuối")]
        public int LastRatingYear { get; set; }

        [Display(Name = "Số năm hoàn thành xuất sắc tối thiểu")]
        public int MinExcellentYears { get; set; }

        [Display(Name = "Bình xét từ năm")]
        public int ReviewFromYear { get; set; }

        [Display(Name = "Bình xét đến năm")]
        public int ReviewToYear { get; set; }

        [Display(Name = "Hạn nộp của cơ sở")]
        public DateOnly GrassrootsDeadline { get; set; }

        [Display(Name = "Ngày tuyên dương")]
        public DateOnly CeremonyDate { get; set; }

        public string? CeremonyOccasion { get; set; }

        [Display(Name = "Số tập thể đề nghị")]
        public int QuotaCollectives { get; set; }

        [Display(Name = "Số cá nhân đề nghị")]
        public int QuotaIndividuals { get; set; }

        /// <summary>The round's version as the page read it (ADR 012).</summary>
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await get.Handle(id, ct);
        if (!found.IsSuccess)
        {
            return this.Refusal(found.Errors);
        }

        var round = found.Value;

        Code = round.Code;
        PlanId = round.PlanId;
        Input = new InputModel
        {
            Name = round.Name, FirstRatingYear = round.FirstRatingYear, LastRatingYear = round.LastRatingYear, MinExcellentYears = round.MinExcellentYears,
            ReviewFromYear = round.ReviewFromYear, ReviewToYear = round.ReviewToYear, GrassrootsDeadline = round.GrassrootsDeadline, CeremonyDate = round.CeremonyDate,
            CeremonyOccasion = round.CeremonyOccasion, QuotaCollectives = round.QuotaCollectives, QuotaIndividuals = round.QuotaIndividuals,
            Version = round.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var found = await get.Handle(id, ct);
        if (!found.IsSuccess)
        {
            return this.Refusal(found.Errors);
        }

        var round = found.Value;

        Code = round.Code;
        PlanId = round.PlanId;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var i = Input;
        var result = await update.Handle(id, new PlanRules.RoundDraft(i.Name, i.FirstRatingYear, i.LastRatingYear, i.MinExcellentYears, i.ReviewFromYear, i.ReviewToYear, i.GrassrootsDeadline, i.CeremonyDate, i.CeremonyOccasion, i.QuotaCollectives, i.QuotaIndividuals), i.Version, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã lưu đợt {round.Code}.";
            return RedirectToPage("/Plans/Details", new { id = result.Value });
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        return Page();
    }
}
