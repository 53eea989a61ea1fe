using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Password sign-in for the page and the API alike (issue 15, ADR 018): guesses are slowed per account and address by
/// <see cref="SignInThrottle"/> instead of Identity's account lock-out, and every refusal — wrong password, unknown
/// account, deactivated account, paused — is the same <see cref="SignInResult.Failed"/>, so the answer never tells
/// which accounts exist.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    SignInThrottle throttle)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The one answer to every refused sign-in.</summary>
    public const string Refusal = "Thư điện tử hoặc mật khẩu không đúng. Sau nhiều lần sai liên tiếp, tài khoản này tạm không đăng nhập được từ máy này trong ít phút.";

    /// <summary>The one answer to a refused second step.</summary>
    public const string TwoFactorRefusal = "Mã xác thực không đúng hoặc đã hết hạn. Sau nhiều lần sai liên tiếp, tài khoản này tạm không đăng nhập được từ máy này trong ít phút.";

    /// <summary>The second step is throttled like the first, per account and address (the page and the API's twoFactorCode).</summary>
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await ThrottledSecondStep(() => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await ThrottledSecondStep(() => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    private async Task<SignInResult> ThrottledSecondStep(Func<Task<SignInResult>> step)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user?.Email is not { } email)
        {
            return SignInResult.Failed;
        }

        var address = ClientAddress.Of(Context);
        if (await throttle.PauseLeftAsync(email, address) > TimeSpan.Zero)
        {
            Logger.LogWarning("Second sign-in step refused without checking the code: paused for this account from {Address}", address);
            return SignInResult.Failed;
        }

        var result = await step();
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(email, address);
            return result;
        }

        await throttle.FailedAsync(email, address);
        Logger.LogWarning("Second sign-in step refused from {Address}", address);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var address = ClientAddress.Of(Context);
        if (await throttle.PauseLeftAsync(userName, address) > TimeSpan.Zero)
        {
            Logger.LogWarning("Sign-in refused without checking the password: paused for this account from {Address}", address);
            return SignInResult.Failed;
        }

        // Never Identity's lock-out on failure: anyone could lock any member out by guessing (issue 15).
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(userName, address);
            return result;
        }

        await throttle.FailedAsync(userName, address);
        Logger.LogWarning("Sign-in refused from {Address}", address);
        return SignInResult.Failed;
    }
}
