namespace Exemplars.Domain.Eligibility;

/// <summary>
/// Plan II.3, "Nếu là đảng viên": every year rated "hoàn thành tốt nhiệm vụ" or better, with at least 1 (interim round)
/// or 2 (final round) years "hoàn thành xuất sắc nhiệm vụ". The years counted are the round's rating years from the
/// year the person joined the party. The explanation names the rating regulation in force for each counted year
/// (<see cref="People.RatingRegulations"/>, ADR 026).
/// </summary>
public static class PartyMemberYearlyRatingRule
{
    public const string Code = "party_member_ratings";

    public static RuleResult? Evaluate(EligibilityFacts facts, RoundTerms round)
    {
        if (facts.Kind != NomineeKind.Individual || !facts.PartyMember)
        {
            return null;
        }

        var from = Math.Max(round.FirstRatingYear, facts.PartyJoinYear ?? round.FirstRatingYear);
        var counted = Enumerable.Range(from, Math.Max(0, round.LastRatingYear - from + 1)).ToList();
        var ratings = facts.Ratings ?? new Dictionary<int, Rating>();
        var low = counted.Where(y => ratings.TryGetValue(y, out var r) && r is Rating.Completed or Rating.NotCompleted).ToList();
        var excellent = counted.Count(y => ratings.TryGetValue(y, out var r) && r == Rating.Excellent);
        var missing = counted.Where(y => !ratings.ContainsKey(y)).ToList();
        var span = counted.Count == 0
            ? $"Không có năm đánh giá nào được tính (vào Đảng năm {facts.PartyJoinYear}, sau kỳ {round.FirstRatingYear}–{round.LastRatingYear})."
            : $"Các năm được tính: {Years(counted)}." + (People.RatingRegulations.Explain(counted) is { Length: > 0 } regulations ? " " + regulations : string.Empty);

        if (low.Count > 0)
        {
            return new RuleResult(Code, RuleStatus.Fail,
                $"{span} Năm {Years(low)} chỉ được xếp loại {string.Join(", ", low.Select(y => ratings[y].Label().ToLowerInvariant()).Distinct())}; đảng viên phải liên tục hoàn thành tốt nhiệm vụ trở lên.");
        }

        if (excellent >= round.MinExcellentYears && missing.Count == 0)
        {
            return new RuleResult(Code, RuleStatus.Pass,
                $"{span} Các năm đều hoàn thành tốt nhiệm vụ trở lên, có {excellent} năm hoàn thành xuất sắc nhiệm vụ (yêu cầu ít nhất {round.MinExcellentYears}).");
        }

        if (excellent + missing.Count >= round.MinExcellentYears)
        {
            return new RuleResult(Code, RuleStatus.Unknown,
                $"{span} Chưa có xếp loại năm {Years(missing)}; hiện có {excellent} năm hoàn thành xuất sắc nhiệm vụ (yêu cầu ít nhất {round.MinExcellentYears}).");
        }

        return new RuleResult(Code, RuleStatus.Fail,
            $"{span} Chỉ có {excellent} năm hoàn thành xuất sắc nhiệm vụ{(missing.Count > 0 ? $" (chưa có xếp loại năm {Years(missing)})" : string.Empty)}, không đủ {round.MinExcellentYears} năm theo yêu cầu.");
    }

    internal static string Years(IEnumerable<int> years) => string.Join(", ", years);
}
