using Exemplars.Domain.Ballots;
using Exemplars.Web.Features.Decisions;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Decisions;

/// <summary>Issue a Quyết định (the commended list) or a Tờ trình (the province list), prefilled from the round's result.</summary>
public sealed class IssueModel(DraftDecision.Handler drafts, IssueDecision.Handler issue, Features.Issuers.CurrentNames.Handler names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentType Type { get; set; } = DocumentType.Decision;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Signer { get; set; }

    [BindProperty]
    public string? AwardType { get; set; }

    /// <summary>Ticked nominees: Picked[nominationId] = true.</summary>
    [BindProperty]
    public Dictionary<int, bool> Picked { get; set; } = [];

    public DraftDecision.Draft? Draft { get; private set; }

    public string Heading(Domain.Documents.OrganNames organs) => Type == DocumentType.Decision ? "Ra Quyết định khen thưởng" : $"Lập Tờ trình đề nghị {organs.Superior} khen thưởng";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        Title = Draft!.Title;
        Date = Draft.Date;
        Signer = Draft.Signer;
        AwardType = Draft.AwardType;
        Picked = Draft.Nominees.ToDictionary(n => n.NominationId, _ => true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        var ids = Picked.Where(p => p.Value).Select(p => p.Key).ToList();
        if (ids.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Hãy chọn ít nhất một tập thể, cá nhân cho văn bản.");
            return Page();
        }

        if (Date is null)
        {
            ModelState.AddModelError(string.Empty, "Hãy ghi ngày ký văn bản (dd/MM/yyyy).");
            return Page();
        }

        var result = await issue.Handle(new IssueDecision.Command(Type, null, Title, Date.Value, Signer, Type == DocumentType.Decision ? AwardType : null, ids, Round), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = Type == DocumentType.Decision
                ? $"Đã vào sổ Quyết định số {result.Value} khen thưởng {ids.Count} tập thể, cá nhân."
                : $"Đã vào sổ Tờ trình số {result.Value} đề nghị {(await names.GetAsync(ct)).Superior} khen thưởng {ids.Count} tập thể, cá nhân.";
            return RedirectToPage("Index", new { round = Round });
        }

        return this.Handle(result.Errors) ?? Page();
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var result = await drafts.Handle(Round, Type, ct);
        if (!result.IsSuccess)
        {
            return result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden ? Forbid() : NotFound();
        }

        Draft = result.Value;
        return null;
    }
}
