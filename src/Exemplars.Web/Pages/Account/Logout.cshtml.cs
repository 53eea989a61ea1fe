using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SingleSignOnOptions sso)
    {
        // Signed in through the province's provider: after ending the sessions here, the provider's too (ADR 031).
        var atProvider = sso.Enabled && SingleSignOn.CameThrough(User);
        var cookie = atProvider ? await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme) : null;

        // Server-side too: this account's other cookies and its API tokens end (issue 15).
        await Sessions.EndEveryOneAsync(signIn.UserManager, await signIn.UserManager.GetUserAsync(User));

        await signIn.SignOutAsync();
        if (!atProvider)
        {
            return RedirectToPage("/Account/Login");
        }

        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/Login") };
        if (cookie?.Properties?.Items.TryGetValue(SingleSignOn.IdTokenItem, out var idToken) == true)
        {
            properties.Items[SingleSignOn.IdTokenItem] = idToken;
        }

        return SignOut(properties, SingleSignOn.Scheme);
    }
}
