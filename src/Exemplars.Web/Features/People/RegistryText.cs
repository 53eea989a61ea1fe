using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;

namespace Exemplars.Web.Features.People;

/// <summary>Reads the words clerks write in spreadsheets: ratings, bodies, yes/no, gender, dates (dd/MM/yyyy).</summary>
public static class RegistryText
{
    private static readonly Dictionary<string, Rating> RatingWords = new()
    {
        ["hoan thanh xuat sac nhiem vu"] = Rating.Excellent, ["htxsnv"] = Rating.Excellent, ["xuat sac"] = Rating.Excellent, ["excellent"] = Rating.Excellent,
        ["hoan thanh tot nhiem vu"] = Rating.Good, ["httnv"] = Rating.Good, ["tot"] = Rating.Good, ["good"] = Rating.Good,
        ["hoan thanh nhiem vu"] = Rating.Completed, ["htnv"] = Rating.Completed, ["completed"] = Rating.Completed,
        ["khong hoan thanh nhiem vu"] = Rating.NotCompleted, ["khtnv"] = Rating.NotCompleted, ["notcompleted"] = Rating.NotCompleted,
    };

    private static readonly Dictionary<string, CollectiveBody?> BodyWords = new()
    {
        ["dang vien"] = null, ["ca nhan"] = null,
        ["to chuc dang"] = CollectiveBody.PartyOrganisation, ["partyorganisation"] = CollectiveBody.PartyOrganisation,
        ["cong doan"] = CollectiveBody.TradeUnion, ["tradeunion"] = CollectiveBody.TradeUnion,
        ["doan thanh nien"] = CollectiveBody.YouthUnion, ["youthunion"] = CollectiveBody.YouthUnion,
        ["hoi lien hiep phu nu"] = CollectiveBody.WomenUnion, ["hoi phu nu"] = CollectiveBody.WomenUnion, ["womenunion"] = CollectiveBody.WomenUnion,
        ["hoi cuu chien binh"] = CollectiveBody.VeteransAssociation, ["veteransassociation"] = CollectiveBody.VeteransAssociation,
    };

    /// <summary>The few words a column repeats (ratings, bodies, yes/no, genders) are folded once each (issue 14: imports of 100,000 rows).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FoldedWords = new(StringComparer.Ordinal);

    private static string FoldWord(string text) => text.Length > 40 || FoldedWords.Count > 4096 ? VietnameseText.Fold(text) : FoldedWords.GetOrAdd(text, VietnameseText.Fold);

    public static Rating? ParseRating(string text) => RatingWords.TryGetValue(FoldWord(text), out var r) ? r : null;

    /// <summary>Returns (true, null) for a person's rating, (true, body) for a collective's, (false, _) for an unknown word.</summary>
    public static (bool Known, CollectiveBody? Body) ParseBody(string text) =>
        BodyWords.TryGetValue(FoldWord(text), out var body) ? (true, body) : (false, null);

    public static bool? ParseYesNo(string text) => FoldWord(text) switch
    {
        "" => false,
        "co" or "x" or "1" or "true" or "yes" => true,
        "khong" or "0" or "false" or "no" => false,
        _ => null,
    };

    public static (bool Ok, Gender? Gender) ParseGender(string text) => FoldWord(text) switch
    {
        "" => (true, null),
        "nam" or "male" => (true, Gender.Male),
        "nu" or "female" => (true, Gender.Female),
        _ => (false, null),
    };

    public static (bool Ok, DateOnly? Date) ParseDate(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        return DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (true, date)
            : (false, null);
    }

    /// <summary>
    /// The 100-point score of a rating: empty is none; a whole number (a spreadsheet may write 85 as "85.0") is read as
    /// is, the range is checked by <see cref="RatingScores"/>; anything else is not a score.
    /// </summary>
    public static (bool Ok, int? Score) ParseScore(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? (true, (int)value)
            : (false, null);
    }

    public static (bool Ok, int? Year) ParseYear(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? (true, year) : (false, null);
    }
}
