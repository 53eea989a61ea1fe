namespace Exemplars.Domain.Users;

/// <summary>
/// Issue 17 point 4 (ADR 031): what a single sign-on identity must carry before it is matched to an account here. The
/// provider's claims are read as given: the e-mail from the configured claim (trimmed; an address without "@" is no
/// address), refused when the provider itself says the address is not verified (<c>email_verified</c> = false), since
/// anyone could then claim an official's address there. The matching account is found by this address, never created.
/// </summary>
public static class SsoIdentity
{
    public const string NoEmail = "Tài khoản dùng chung không cho biết thư điện tử của người đăng nhập, nên không xác định được tài khoản trong hệ thống. Đề nghị liên hệ quản trị viên.";

    public const string Unverified = "Thư điện tử của tài khoản dùng chung chưa được xác minh tại hệ thống đăng nhập dùng chung, nên không dùng để đăng nhập được. Đề nghị xác minh thư điện tử ở đó rồi đăng nhập lại.";

    /// <summary>The e-mail to find the account by, or the reason (Vietnamese) it cannot be used.</summary>
    public static (string? Email, string? Refusal) Read(IEnumerable<KeyValuePair<string, string>> claims, string emailClaim)
    {
        ArgumentNullException.ThrowIfNull(claims);
        string? email = null;
        string? verified = null;
        foreach (var (type, value) in claims)
        {
            if (email is null && string.Equals(type, emailClaim, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(value))
            {
                email = value.Trim();
            }
            else if (string.Equals(type, "email_verified", StringComparison.Ordinal))
            {
                verified = value.Trim();
            }
        }

        if (email is null || email.IndexOf('@', StringComparison.Ordinal) <= 0 || email.EndsWith('@'))
        {
            return (null, NoEmail);
        }

        return string.Equals(verified, "false", StringComparison.OrdinalIgnoreCase) ? (null, Unverified) : (email, null);
    }

    /// <summary>The answer for an identity whose address matches no account that may sign in (unknown or deactivated alike).</summary>
    public static string NoAccount(string email) =>
        $"Tài khoản dùng chung {email} chưa được gắn với tài khoản nào đang hoạt động trong hệ thống. Hệ thống không tự tạo tài khoản: "
        + "đề nghị liên hệ quản trị viên để được cấp tài khoản đúng thư điện tử này.";
}
