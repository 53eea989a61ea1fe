using Exemplars.Domain.Ballots;
using Exemplars.Domain.Review;
using Exemplars.Web.Features.Review;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Review;

/// <summary>Verification of one dossier on one page: every criterion judged, then saved, accepted or returned in one post.</summary>
public sealed class VerifyModel(VerifyNomination.Handler verify) : PageModel
{
    public sealed class EntryInput
    {
        public string? CriterionCode { get; set; }

        public CheckResult? Result { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public List<EntryInput> Entries { get; set; } = [];

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public string? ReturnReason { get; set; }

    public VerifyNomination.Sheet Sheet { get; private set; } = null!;

    public bool Open => Sheet.Details.Nomination.Status is Domain.Nominations.NominationStatus.Submitted or Domain.Nominations.NominationStatus.Resubmitted;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var sheet = await verify.Sheet(id, ct);
        if (!sheet.IsSuccess)
        {
            return this.Handle(sheet.Errors) ?? NotFound();
        }

        Sheet = sheet.Value;
        if (Entries.Count == 0)
        {
            Entries = Sheet.Items.Select(i => new EntryInput { CriterionCode = i.Code, Result = i.Result, Note = i.Note }).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, VerificationOutcome outcome, CancellationToken ct)
    {
        var entries = Entries.Select(e => new VerificationEntry(e.CriterionCode, e.Result, e.Note)).ToList();
        var result = await verify.Save(id, new VerifyNomination.SaveCommand(Version, entries, outcome, ReturnReason), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = result.Value switch
            {
                VerificationOutcome.Accepted => "Đã ghi kết quả thẩm định và tiếp nhận hồ sơ.",
                VerificationOutcome.Returned => "Đã ghi kết quả thẩm định và trả lại hồ sơ cho đơn vị kèm các nhận xét.",
                _ => "Đã lưu kết quả thẩm định.",
            };
            return result.Value == VerificationOutcome.Saved ? RedirectToPage(new { id }) : RedirectToPage("/Nominations/Details", new { id });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(id, ct);
    }
}
