using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ballots;

/// <summary>The round's selection, explained: who passed, shortfalls against the quotas, ties and the next action.</summary>
public sealed class SelectionModel(GetSelection.Handler selection, Features.Plans.ChooseRound.Handler rounds, CurrentUser me, Features.Issuers.CurrentNames.Handler names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public GetSelection.Response? Result { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public bool CanRun => BallotAccess.CanRun(me);

    public string NameOf(int nominationId) => Result?.Tally.Candidates.FirstOrDefault(c => c.NominationId == nominationId)?.Name ?? "—";

    public async Task<IActionResult> OnGetExportAsync([FromServices] Features.Documents.ListExports.Handler export, CancellationToken ct)
    {
        var result = await export.Candidates(Round, ct);
        return result.IsSuccess ? File(result.Value, Infrastructure.Excel.Spreadsheet.ContentType, "ket-qua-lua-chon.xlsx") : NotFound();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Codes;
        Round = choice.Code;
        var result = await selection.Handle(Round, ct);
        if (!result.IsSuccess && result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Result = result.IsSuccess ? result.Value : null;
        Error = result.IsSuccess ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        Lines = Result is null ? [] : Explain(Result, (await names.GetAsync(ct)).Superior);
        return Page();
    }

    /// <summary>Opens a run-off over exactly one tie's candidates (the handler checks it is a tie of this round).</summary>
    public async Task<IActionResult> OnPostRunOffAsync(int[]? nominationIds, [FromServices] OpenRunOff.Handler open, CancellationToken ct)
    {
        var result = await open.Handle(new OpenRunOff.Command(Round, nominationIds ?? []), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã mở cuộc bỏ phiếu lại. Các thành viên Ban kiểm phiếu nhận mảnh khóa trên trang cuộc bỏ phiếu.";
            return RedirectToPage("/Ballots/Details", new { id = result.Value });
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }

    private static List<string> Explain(GetSelection.Response s, string superior)
    {
        var lines = new List<string>();
        foreach (var (kind, quota, noun) in new[] { (NomineeKind.Individual, s.QuotaIndividuals, "cá nhân"), (NomineeKind.Collective, s.QuotaCollectives, "tập thể") })
        {
            var voted = s.Tally.Candidates.Count(c => c.Kind == kind);
            var passed = s.Selection.Commended.Count(c => c.Kind == kind);
            var forwarded = s.Selection.ToProvince.Count(c => c.Kind == kind);
            var tied = s.Selection.Ties.Where(t => t.Kind == kind).Sum(t => t.PlacesLeft);
            var line = $"{char.ToUpperInvariant(noun[0])}{noun[1..]}: {voted} được bỏ phiếu, {passed} đạt, {forwarded}/{quota} suất đề nghị {superior} đã xác định";
            if (passed < quota)
            {
                line += $"; chỉ có {passed} {noun} đạt nên còn thiếu {quota - passed} suất so với chỉ tiêu";
            }

            if (tied > 0)
            {
                line += $"; {tied} suất còn lại đang bằng phiếu, cần bỏ phiếu lại";
            }

            lines.Add(line + ".");
        }

        if (!s.Tally.QuorumMet)
        {
            lines.Add("Không cuộc bỏ phiếu nào đủ số ủy viên tham gia: chưa ai đạt.");
        }

        if (s.Overrides.Count > 0)
        {
            lines.Add($"Có {s.Overrides.Count} điều chỉnh danh sách bằng văn bản, đã áp dụng sau kết quả bỏ phiếu.");
        }

        return lines;
    }
}
