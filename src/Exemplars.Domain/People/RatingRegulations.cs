using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.People;

/// <summary>The points a level needs under a regulation that scores on 100 points: from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
public sealed record ScoreBand(Rating Rating, int Min, int Max)
{
    public bool Contains(int score) => score >= Min && score <= Max;

    /// <summary>"từ 90 đến 100 điểm", "từ 70 đến dưới 90 điểm", "dưới 50 điểm".</summary>
    public string Text => Min == 0 ? $"dưới {Max + 1} điểm" : Max == RatingScores.Max ? $"từ {Min} điểm trở lên" : $"từ {Min} đến dưới {Max + 1} điểm";
}

/// <summary>
/// A Politburo regulation on the yearly review and quality rating of collectives and individuals (kiểm điểm, đánh giá,
/// xếp loại chất lượng hằng năm): its number, the date it was signed, the first rating year it governs and, for a
/// regulation that scores on 100 points, the points of each level.
/// </summary>
public sealed record RatingRegulation(string Code, DateOnly IssuedOn, int FirstYear, IReadOnlyList<ScoreBand> Bands)
{
    public bool HasScore => Bands.Count > 0;

    /// <summary>"Quy định 366-QĐ/TW".</summary>
    public string Title => $"Quy định {Code}";

    /// <summary>"Quy định 366-QĐ/TW ngày 30/08/2025".</summary>
    public string TitleWithDate => $"{Title} ngày {IssuedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The level a score falls in, or null when the regulation has no score.</summary>
    public Rating? LevelOf(int score) => Bands.FirstOrDefault(b => b.Contains(score))?.Rating;

    public ScoreBand? BandOf(Rating rating) => Bands.FirstOrDefault(b => b.Rating == rating);
}

/// <summary>
/// Which regulation governed the ratings of each year (ADR 026): 132-QĐ/TW (08/3/2018) for 2018–2022, 124-QĐ/TW
/// (04/10/2023) from the 2023 ratings, 366-QĐ/TW (30/8/2025, a 100-point score beside the same four levels) from the
/// 2025 ratings. The table is data: a later regulation is one more row.
/// </summary>
public static class RatingRegulations
{
    public static RatingRegulation Q132 { get; } = new("132-QĐ/TW", new DateOnly(2018, 3, 8), 2018, []);

    public static RatingRegulation Q124 { get; } = new("124-QĐ/TW", new DateOnly(2023, 10, 4), 2023, []);

    /// <summary>Điều 11: xuất sắc from 90 points, tốt 70 to under 90, hoàn thành 50 to under 70, không hoàn thành under 50.</summary>
    public static RatingRegulation Q366 { get; } = new("366-QĐ/TW", new DateOnly(2025, 8, 30), 2025,
    [
        new(Rating.Excellent, 90, 100),
        new(Rating.Good, 70, 89),
        new(Rating.Completed, 50, 69),
        new(Rating.NotCompleted, 0, 49),
    ]);

    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<RatingRegulation> All { get; } = [Q132, Q124, Q366];

    /// <summary>The regulation in force for the ratings of <paramref name="year"/>, or null for a year before the first one known.</summary>
    public static RatingRegulation? For(int year) => All.LastOrDefault(r => r.FirstYear <= year);

    /// <summary>
    /// "Năm 2021–2022 xếp loại theo Quy định 132-QĐ/TW; năm 2023–2024 theo Quy định 124-QĐ/TW; năm 2025 theo Quy
    /// định 366-QĐ/TW." for the years given (runs of consecutive years under one regulation); empty when none is known.
    /// </summary>
    public static string Explain(IEnumerable<int> years)
    {
        var runs = new List<(int From, int To, RatingRegulation Regulation)>();
        foreach (var year in years.Distinct().Order())
        {
            if (For(year) is not { } regulation)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].Regulation == regulation && runs[^1].To == year - 1)
            {
                runs[^1] = (runs[^1].From, year, regulation);
            }
            else
            {
                runs.Add((year, year, regulation));
            }
        }

        if (runs.Count == 0)
        {
            return string.Empty;
        }

        var parts = runs.Select((run, i) =>
            $"{(i == 0 ? "Năm" : "năm")} {(run.From == run.To ? $"{run.From}" : $"{run.From}–{run.To}")} {(i == 0 ? "xếp loại theo" : "theo")} {run.Regulation.Title}");
        return string.Join("; ", parts) + ".";
    }
}

/// <summary>The optional 100-point score kept beside a party member's level for the years whose regulation scores (366-QĐ/TW).</summary>
public static class RatingScores
{
    public const int Max = 100;

    /// <summary>
    /// Refusals: a score outside 0–100, a score for a year whose regulation has none, a score without a level. Null when
    /// the score may be kept (or there is none).
    /// </summary>
    public static DomainError? Validate(int year, int? score, Rating? rating)
    {
        if (score is not { } value)
        {
            return null;
        }

        if (value is < 0 or > Max)
        {
            return DomainError.Invalid("Score", $"Điểm đánh giá {value} không hợp lệ: điểm phải là số nguyên từ 0 đến {Max}.");
        }

        var regulation = RatingRegulations.For(year);
        if (regulation is not { HasScore: true })
        {
            var first = RatingRegulations.All.First(r => r.HasScore);
            return DomainError.Invalid("Score",
                $"Năm {year} xếp loại theo {regulation?.Title ?? "quy định trước " + RatingRegulations.All[0].Title}, không chấm điểm theo thang 100 điểm; chỉ ghi điểm cho xếp loại từ năm {first.FirstYear} ({first.Title}).");
        }

        if (rating is null)
        {
            return DomainError.Invalid("Score", "Chỉ ghi điểm đánh giá cùng với mức xếp loại.");
        }

        return null;
    }

    /// <summary>
    /// A warning (the rating is saved anyway) when the score falls in another level's points than the level chosen: a level
    /// also needs the conditions of Điều 11, so a lower level than the points is possible, a higher one is not.
    /// </summary>
    public static string? Disagreement(int year, int? score, Rating? rating)
    {
        if (score is not { } value || rating is not { } level || RatingRegulations.For(year) is not { HasScore: true } regulation
            || regulation.LevelOf(value) is not { } byScore || byScore == level)
        {
            return null;
        }

        var band = regulation.BandOf(byScore)!;
        var text = $"Năm {year}: {value} điểm thuộc mức “{byScore.Label()}” ({band.Text} theo {regulation.Title}) nhưng xếp loại ghi “{level.Label()}”.";
        return byScore > level
            ? text + $" Mức “{level.Label()}” cần {regulation.BandOf(level)!.Text}; hãy kiểm tra lại điểm hoặc mức xếp loại."
            : text + " Mức thấp hơn điểm chỉ đúng khi không đủ các điều kiện khác của mức theo điểm; hãy kiểm tra lại.";
    }
}
