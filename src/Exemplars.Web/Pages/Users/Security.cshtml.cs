using Exemplars.Web.Features.Users;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Users;

/// <summary>The administrator's security settings (ADR 025): require two-step sign-in for administrators and the secretariat.</summary>
public sealed class SecurityModel(SaveSecuritySettings.Handler settings) : PageModel
{
    [BindProperty]
    public bool RequireTwoFactorForStaff { get; set; }

    public SaveSecuritySettings.State? State { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var state = await settings.Read(ct);
        if (!state.IsSuccess)
        {
            return this.Refusal(state.Errors);
        }

        State = state.Value;
        RequireTwoFactorForStaff = State.RequireTwoFactorForStaff;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await settings.Save(RequireTwoFactorForStaff, ct);
        if (!saved.IsSuccess)
        {
            return this.Refusal(saved.Errors);
        }

        TempData["Message"] = RequireTwoFactorForStaff
            ? "Đã bật yêu cầu: quản trị viên và Ban Tuyên giáo – Dân vận phải đăng nhập hai bước; người chưa bật sẽ được dẫn tới trang bật ở lần thao tác tiếp theo."
            : "Đã bỏ yêu cầu đăng nhập hai bước.";
        return RedirectToPage();
    }
}
