namespace Exemplars.Domain.People;

/// <summary>
/// What a page knew about a registry record's yearly ratings when it was read: for each slot (a year, or a year and a
/// collective body) that held a rating, that rating's version. A write of one slot sends it back, and is accepted only
/// when the slot is still as the page showed it: empty if it was empty, at the same version if it held a rating (ADR 012).
/// Written as <c>-</c> (no ratings) or <c>2023=guid,2024/TradeUnion=guid</c>.
/// </summary>
public sealed class RatingSlots
{
    public const string None = "-";

    private readonly Dictionary<string, Guid> _versions;

    private RatingSlots(Dictionary<string, Guid> versions) => _versions = versions;

    public static string Key(int year, CollectiveBody? body = null) => body is { } b ? $"{year}/{b}" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Encode(IEnumerable<(string Key, Guid Version)> ratings)
    {
        var text = string.Join(',', ratings.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Version}"));
        return text.Length == 0 ? None : text;
    }

    /// <summary>Null when nothing was sent or the text is not what <see cref="Encode"/> writes (the write is then refused as unversioned).</summary>
    public static RatingSlots? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var versions = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (text.Trim() == None)
        {
            return new RatingSlots(versions);
        }

        foreach (var part in text.Split(','))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || pair[0].Length == 0 || !Guid.TryParse(pair[1], out var version) || version == Guid.Empty || !versions.TryAdd(pair[0], version))
            {
                return null;
            }
        }

        return new RatingSlots(versions);
    }

    /// <summary>True when the slot is as the page saw it: the page saw no rating and there is none, or saw this very version.</summary>
    public bool StillAsSeen(string key, Guid? current) =>
        _versions.TryGetValue(key, out var seen) ? current == seen : current is null;
}
