using Exemplars.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Infrastructure.Auth;

/// <summary>
/// Refuses common passwords, also in disguise (<see cref="PasswordRules.IsCommon"/>), from the list shipped in the
/// assembly (<c>Infrastructure/Auth/common-passwords.txt</c>); runs wherever Identity sets a password — creation,
/// import, change, the first admin.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    private static readonly Lazy<IReadOnlySet<string>> List = new(Load);

    public static IReadOnlySet<string> Common => List.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && PasswordRules.IsCommon(password, Common, user?.Email)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "The password is common or easy to guess." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }
}
