namespace Exemplars.Domain.Eligibility;

/// <summary>
/// Plan 3.1.1 / 3.1.2: "tổ chức đảng, các tổ chức đoàn thể xếp loại hoàn thành xuất sắc nhiệm vụ ... trong thời gian
/// bình xét". Checked for a collective nominee (<c>collective_ratings</c>) and, through the leader criterion
/// ("gắn tiêu chí điển hình cá nhân lãnh đạo với tiêu chí điển hình của tập thể"), for the collective an individual
/// leader leads (<c>leader_collective</c>). Every rating year must be Excellent for the party organisation and for
/// each mass organisation that has ratings recorded.
/// </summary>
public static class CollectiveRatingRule
{
    public const string CollectiveCode = "collective_ratings";
    public const string LeaderCode = "leader_collective";

    public static RuleResult? Evaluate(EligibilityFacts facts, RoundTerms round)
    {
        if (facts.Kind == NomineeKind.Collective)
        {
            return Check(CollectiveCode, facts.Collective, round, "Tập thể");
        }

        return facts.Leader ? Check(LeaderCode, facts.Collective, round, "Tập thể do cá nhân lãnh đạo") : null;
    }

    private static RuleResult Check(string code, CollectiveFacts? collective, RoundTerms round, string subject)
    {
        if (collective is null)
        {
            return new RuleResult(code, RuleStatus.Unknown, $"{subject}: chưa có thông tin tập thể để kiểm tra xếp loại.");
        }

        var years = round.RatingYears.ToList();
        var bodies = new List<(string Name, IReadOnlyDictionary<int, Rating> Ratings)> { ("Tổ chức đảng", collective.PartyOrganisationRatings) };
        bodies.AddRange(collective.MassOrganisationRatings
            .Where(m => m.Value.Count > 0)
            .OrderBy(m => m.Key)
            .Select(m => (m.Key.Label(), m.Value)));

        var failures = new List<string>();
        var unknowns = new List<string>();
        foreach (var (name, ratings) in bodies)
        {
            var low = years.Where(y => ratings.TryGetValue(y, out var r) && r != Rating.Excellent).ToList();
            var missing = years.Where(y => !ratings.ContainsKey(y)).ToList();
            if (low.Count > 0)
            {
                failures.Add($"{name} năm {string.Join(", ", low.Select(y => $"{y} ({ratings[y].Label().ToLowerInvariant()})"))}");
            }

            if (missing.Count > 0)
            {
                unknowns.Add($"{name} năm {PartyMemberYearlyRatingRule.Years(missing)}");
            }
        }

        // A round rated over one year (the 2026-2028 interim round rates 2026 only) says "năm 2026", not "mọi năm 2026–2026".
        var single = round.FirstRatingYear == round.LastRatingYear;
        var period = single ? $"năm {round.FirstRatingYear}" : $"mọi năm {round.FirstRatingYear}–{round.LastRatingYear}";
        if (failures.Count > 0)
        {
            var within = single ? $"năm {round.FirstRatingYear}" : $"kỳ {round.FirstRatingYear}–{round.LastRatingYear}";
            return new RuleResult(code, RuleStatus.Fail, $"{subject}: không đạt hoàn thành xuất sắc nhiệm vụ trong {within}: {string.Join("; ", failures)}.");
        }

        if (unknowns.Count > 0)
        {
            return new RuleResult(code, RuleStatus.Unknown, $"{subject}: chưa có xếp loại của {string.Join("; ", unknowns)}.");
        }

        return new RuleResult(code, RuleStatus.Pass,
            $"{subject}: {string.Join(", ", bodies.Select(b => b.Name.ToLowerInvariant()))} đều hoàn thành xuất sắc nhiệm vụ {period}.");
    }
}
