using System.Globalization;
using System.Text;

namespace Exemplars.Domain.Common;

/// <summary>Folds Vietnamese text for diacritics-insensitive search: "Nguyễn Văn Đức" → "nguyen van duc".</summary>
public static class VietnameseText
{
    /// <summary>Alphabetical order as a Vietnamese reader expects it ("Đ" after "D", tones after the plain letter), case ignored.</summary>
    public static StringComparer Order { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The longest prefix a <see cref="SortKey"/> covers: keys stay small enough for a database index.</summary>
    public const int SortKeyLength = 120;

    /// <summary>
    /// Bytes that sort, compared byte by byte (SQLite BLOB, PostgreSQL bytea), exactly as <see cref="Order"/> sorts the
    /// text's first <see cref="SortKeyLength"/> characters: a stored key lets the database page in Vietnamese order.
    /// </summary>
    public static byte[] SortKey(string? text)
    {
        var value = text ?? string.Empty;
        if (value.Length > SortKeyLength)
        {
            value = value[..SortKeyLength];
        }

        return Vietnamese.GetSortKey(value, CompareOptions.IgnoreCase).KeyData;
    }

    /// <summary>The collation's version: stored keys are rebuilt when it changes (a new ICU orders differently).</summary>
    public static string SortKeyVersion => $"{Vietnamese.Version.FullVersion}:{Vietnamese.Version.SortId}";

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
