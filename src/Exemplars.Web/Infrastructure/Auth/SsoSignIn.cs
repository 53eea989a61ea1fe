using System.Security.Claims;
using Exemplars.Domain.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// The end of a single sign-on (ADR 031): the provider's identity, read from Identity's external cookie, is matched by
/// e-mail to an active account here — never created — and that account is signed in as by a password, the provider
/// recorded as the sign-in method. An account with two-step sign-in still gives its second step here. Every outcome
/// ends the external cookie.
/// </summary>
public sealed class SsoSignIn(SignInManager<AppUser> signIn, SingleSignOnOptions settings, ILogger<SsoSignIn> logger)
{
    public enum Outcome
    {
        SignedIn,
        SecondStep,
        Refused,
    }

    public async Task<(Outcome Outcome, string? Refusal)> CompleteAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return (Outcome.Refused, Failed);
        }

        var (email, refusal) = SsoIdentity.Read(external.Principal.Claims.Select(c => new KeyValuePair<string, string>(c.Type, c.Value)), settings.EmailClaim);
        if (email is null)
        {
            logger.LogWarning("Single sign-on refused: {Reason}", refusal);
            return (Outcome.Refused, refusal);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || !user.IsActive || await signIn.UserManager.IsLockedOutAsync(user))
        {
            logger.LogWarning("Single sign-on refused: no active account for the provider's address");
            return (Outcome.Refused, SsoIdentity.NoAccount(email));
        }

        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            // As Identity's own password sign-in does: the account's id waits in the two-step cookie for the code.
            var waiting = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            waiting.AddClaim(new Claim(ClaimTypes.Name, user.Id));
            waiting.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, SingleSignOn.Scheme));
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(waiting));
            return (Outcome.SecondStep, null);
        }

        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue("id_token") is { } idToken)
        {
            properties.Items[SingleSignOn.IdTokenItem] = idToken;
        }

        await signIn.SignInAsync(user, properties, SingleSignOn.Scheme);
        logger.LogInformation("Signed in through single sign-on: user {UserId}", user.Id);
        return (Outcome.SignedIn, null);
    }

    public const string Failed = "Đăng nhập bằng tài khoản dùng chung không thành công (hệ thống đăng nhập dùng chung từ chối hoặc trả lời không hợp lệ). Đề nghị thử lại hoặc đăng nhập bằng tài khoản của hệ thống.";
}
