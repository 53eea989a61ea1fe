namespace Exemplars.Domain.Users;

/// <summary>
/// Issue 15: a password of at least <see cref="MinimumLength"/> characters that is not a common password in disguise.
/// A password is refused when, lower-cased, it is on the list; when its core — the password without the digits and
/// symbols around it, with look-alike characters read as letters (0→o, 1→i, 3→e, 4/@→a, 5/$→s, 7→t) — is on the list
/// ("Passw0rd2026!" is "password"); when its longest run of letters, look-alikes read as letters, is on the list;
/// when its letters alone are on the list; when it has fewer than
/// <see cref="MinimumDistinct"/> different characters; or when it holds the account's own e-mail name.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public const int MinimumDistinct = 5;

    public static bool IsCommon(string password, IReadOnlySet<string> common, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(common);
        var lower = password.ToLowerInvariant();
        if (common.Contains(lower) || lower.Distinct().Count() < MinimumDistinct)
        {
            return true;
        }

        var core = ReadAsLetters(lower.Trim(Decoration));
        if (core.Length > 0 && common.Contains(core))
        {
            return true;
        }

        // Every look-alike read as a letter, then the longest run of letters: "1L0veY0u-2026!" is "iloveyou".
        var run = LongestLetterRun(ReadAsLetters(lower));
        if (run.Length >= 4 && common.Contains(run))
        {
            return true;
        }

        var letters = new string([.. lower.Where(char.IsLetter)]);
        if (letters.Length >= 4 && common.Contains(letters))
        {
            return true;
        }

        var name = email?.Split('@')[0].ToLowerInvariant();
        return name is { Length: >= 4 } && (lower.Contains(name, StringComparison.Ordinal) || core.Contains(name, StringComparison.Ordinal));
    }

    private static string LongestLetterRun(string text)
    {
        var (bestStart, bestLength, start) = (0, 0, 0);
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                continue;
            }

            if (i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }

            start = i + 1;
        }

        return text.Substring(bestStart, bestLength);
    }

    private static readonly char[] Decoration = [.. "0123456789!@#$%^&*()_+-=[]{};:'\",.<>/?\\|`~ "];

    private static string ReadAsLetters(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                var c => c,
            };
        }
    });
}
