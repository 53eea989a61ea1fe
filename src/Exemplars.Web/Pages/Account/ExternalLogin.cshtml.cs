using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Account;

/// <summary>Signing in through the province's single sign-on (ADR 031): off to the provider, then back to an account here.</summary>
public sealed class ExternalLoginModel(SingleSignOnOptions settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Refusal { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    public IActionResult OnPost()
    {
        if (!settings.Enabled)
        {
            return NotFound();
        }

        var back = Url.Page("/Account/ExternalLogin", "Callback", new { ReturnUrl = Local(ReturnUrl) });
        return Challenge(new AuthenticationProperties { RedirectUri = back }, SingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync([FromServices] SsoSignIn sso)
    {
        if (!settings.Enabled)
        {
            return NotFound();
        }

        var (outcome, refusal) = await sso.CompleteAsync(HttpContext);
        switch (outcome)
        {
            case SsoSignIn.Outcome.SignedIn:
                return LocalRedirect(Local(ReturnUrl));
            case SsoSignIn.Outcome.SecondStep:
                return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = Local(ReturnUrl) });
            default:
                return Refused(refusal ?? SsoSignIn.Failed);
        }
    }

    public IActionResult OnGetFailed() => Refused(SsoSignIn.Failed);

    private PageResult Refused(string reason)
    {
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private string Local(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
