using Exemplars.Web.Infrastructure.Auth;
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

    public async Task<IActionResult> OnPostAsync()
    {
        // Server-side too: this account's other cookies and its API tokens end (issue 15).
        await Sessions.EndEveryOneAsync(signIn.UserManager, await signIn.UserManager.GetUserAsync(User));

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
