using System.Globalization;
using System.Text;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Exemplars.Web.Features.Users;

/// <summary>
/// Two-step sign-in of one's own account with an authenticator app (TOTP, RFC 6238, through Identity's authenticator
/// token provider): the key and its QR code, turning it on with a first code (ten one-time recovery codes shown once),
/// new recovery codes, turning it off unless the administrator requires it for the account's role (ADR 025).
/// </summary>
public static class TwoFactorSetup
{
    /// <summary>The name the authenticator app shows beside the codes: the system, never an issuing organ.</summary>
    public const string AppName = "Gương điển hình";

    public sealed record Status(bool Enabled, bool Required, int RecoveryCodesLeft, string? Key, string? QrCodePng);

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, AppDbContext db, TwoFactorPolicy policy)
    {
        public async Task<Result<Status>> Read(AppUser user, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(user);
            var required = await policy.RequiredForAsync(user.Role, db, cancellationToken);
            if (await users.GetTwoFactorEnabledAsync(user))
            {
                return new Status(true, required, await users.CountRecoveryCodesAsync(user), null, null);
            }

            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A first key for a setup not yet confirmed: set through the store, so opening the page does not renew the
                // security stamp (which would end the account's other sessions); turning it on renews it.
                key = users.GenerateNewAuthenticatorKey();
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
                await users.UpdateAsync(user);
            }

            var uri = $"otpauth://totp/{Uri.EscapeDataString(AppName)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? string.Empty)}?secret={key}&issuer={Uri.EscapeDataString(AppName)}&digits=6";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            var png = new PngByteQRCode(data).GetGraphic(5);
            return new Status(false, required, 0, Grouped(key!), "data:image/png;base64," + Convert.ToBase64String(png));
        }

        /// <summary>Turns it on with the first code the app shows; returns the recovery codes, shown once.</summary>
        public async Task<Result<IReadOnlyList<string>>> Enable(AppUser user, string? code)
        {
            ArgumentNullException.ThrowIfNull(user);
            var clean = Clean(code);
            if (clean.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean))
            {
                return DomainError.Invalid("Code", "Mã xác thực không đúng hoặc đã hết hạn: nhập 6 chữ số ứng dụng đang hiển thị (mã đổi sau mỗi 30 giây), và kiểm tra đồng hồ của điện thoại.");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await signIn.RefreshSignInAsync(user);
            return codes;
        }

        public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodes(AppUser user)
        {
            ArgumentNullException.ThrowIfNull(user);
            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                return DomainError.Rule("two_factor_off", "Chưa bật xác thực hai bước nên không có mã dự phòng.");
            }

            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await signIn.RefreshSignInAsync(user);
            return codes;
        }

        public async Task<Result<bool>> Disable(AppUser user, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(user);
            if (await policy.RequiredForAsync(user.Role, db, cancellationToken))
            {
                return DomainError.Rule("two_factor_required", "Quản trị viên yêu cầu vai trò của đồng chí đăng nhập hai bước nên không tắt được.");
            }

            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user); // a later setup starts from a new key
            await signIn.RefreshSignInAsync(user);
            return true;
        }
    }

    /// <summary>Digits only (people type "123 456" or "123-456").</summary>
    public static string Clean(string? code) => new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>The key in groups of four lower-case letters, as authenticator apps ask it to be typed.</summary>
    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
