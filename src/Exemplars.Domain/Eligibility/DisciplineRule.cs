namespace Exemplars.Domain.Eligibility;

/// <summary>An individual disciplined during the round's review period cannot be an exemplar of that period.</summary>
public static class DisciplineRule
{
    public const string Code = "discipline";

    public static RuleResult? Evaluate(EligibilityFacts facts, RoundTerms round)
    {
        if (facts.Kind != NomineeKind.Individual)
        {
            return null;
        }

        var inPeriod = (facts.DisciplineYears ?? []).Where(y => y >= round.ReviewFromYear && y <= round.ReviewToYear).Distinct().Order().ToList();
        return inPeriod.Count > 0
            ? new RuleResult(Code, RuleStatus.Fail, $"Bị kỷ luật năm {PartyMemberYearlyRatingRule.Years(inPeriod)}, trong thời gian bình xét {round.ReviewFromYear}–{round.ReviewToYear}.")
            : new RuleResult(Code, RuleStatus.Pass, $"Không bị kỷ luật trong thời gian bình xét {round.ReviewFromYear}–{round.ReviewToYear}.");
    }
}
