namespace Exemplars.Domain.Eligibility;

/// <summary>Plan 3.2.5: "thành viên trong gia đình không vi phạm pháp luật" — known only from the nominee's attestation.</summary>
public static class FamilyLawRule
{
    public const string Code = "family_law";
    public const string Category = "3.2.5";

    public static RuleResult? Evaluate(EligibilityFacts facts, RoundTerms round)
    {
        if (facts.Kind != NomineeKind.Individual || facts.CategoryCode != Category)
        {
            return null;
        }

        return facts.FamilyLawAttested
            ? new RuleResult(Code, RuleStatus.Pass, "Đã cam kết thành viên trong gia đình không vi phạm pháp luật.")
            : new RuleResult(Code, RuleStatus.Unknown, "Chưa có cam kết thành viên trong gia đình không vi phạm pháp luật.");
    }
}
