using Exemplars.Web.Features.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Account;

/// <summary>The account's two-step sign-in: set it up with an authenticator app, new recovery codes, turn it off.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, TwoFactorSetup.Handler setup) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Sent here because the administrator requires it for this role.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public TwoFactorSetup.Status? Status { get; private set; }

    /// <summary>Recovery codes just made: shown this once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) is { } user ? await Show(user, ct) : Challenge();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await setup.Enable(user, Code);
        if (!result.IsSuccess)
        {
            Problems.AddTo(ModelState, result.Errors, prefix: string.Empty);
            return await Show(user, ct);
        }

        RecoveryCodes = result.Value;
        return await Show(user, ct);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await setup.NewRecoveryCodes(user);
        if (!result.IsSuccess)
        {
            Problems.AddTo(ModelState, result.Errors);
            return await Show(user, ct);
        }

        RecoveryCodes = result.Value;
        return await Show(user, ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await setup.Disable(user, ct);
        if (!result.IsSuccess)
        {
            Problems.AddTo(ModelState, result.Errors);
            return await Show(user, ct);
        }

        TempData["Message"] = "Đã tắt xác thực hai bước.";
        return RedirectToPage();
    }

    private async Task<IActionResult> Show(AppUser user, CancellationToken ct)
    {
        Status = (await setup.Read(user, ct)).Value;
        return Page();
    }
}
