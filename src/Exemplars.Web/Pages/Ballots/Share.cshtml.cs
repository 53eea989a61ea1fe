using System.Text;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Ballots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ballots;

/// <summary>A trustee's key share, shown only to them and only until they confirm they have kept it; never cached by the browser.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ShareModel(KeyShares.Handler shares) : PageModel
{
    public KeyShares.Share Share { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await shares.Get(id, ct);
        if (result.IsSuccess)
        {
            Share = result.Value;
            return Page();
        }

        return Refused(id, result.Errors[0]);
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var result = await shares.Get(id, ct);
        if (!result.IsSuccess)
        {
            return Refused(id, result.Errors[0]);
        }

        var text = $"Mảnh khóa kiểm phiếu — {result.Value.BallotTitle}\r\nThành viên thứ {result.Value.Index}/{result.Value.Trustees}, cần {result.Value.Threshold} mảnh để kiểm phiếu.\r\n\r\n{result.Value.Text}\r\n";
        return File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"manh-khoa-phieu-{id}-{result.Value.Index}.txt");
    }

    public async Task<IActionResult> OnPostKeptAsync(int id, CancellationToken ct)
    {
        var result = await shares.Kept(id, ct);
        if (!result.IsSuccess)
        {
            return Refused(id, result.Errors[0]);
        }

        TempData["Message"] = "Đã xác nhận đồng chí lưu mảnh khóa; máy chủ đã xóa bản đang giữ.";
        return RedirectToPage("/Ballots/Details", new { id });
    }

    private IActionResult Refused(int id, DomainError error)
    {
        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Forbidden:
                return Forbid();
            default:
                TempData["Message"] = error.Message;
                return RedirectToPage("/Ballots/Details", new { id });
        }
    }
}
