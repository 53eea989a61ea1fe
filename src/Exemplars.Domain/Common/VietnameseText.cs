using System.Globalization;
using System.Text;

namespace Exemplars.Domain.Common;

/// <summary>Folds Vietnamese text for diacritics-insensitive search: "Nguyễn Văn Đức" → "nguyen van duc".</summary>
public static class VietnameseText
{
    /// <summary>Alphabetical order as a Vietnamese reader expects it ("Đ" after "D", tones after the plain letter), case ignored.</summary>
    public static StringComparer Order { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(folded);
        }

        return builder.ToString();
    }
}
