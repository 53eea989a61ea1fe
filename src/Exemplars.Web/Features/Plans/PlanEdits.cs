namespace Exemplars.Web.Features.Plans;

/// <summary>The plan page's edits (thresholds, issue number, criteria) share the plan's version (ADR 012).</summary>
public static class PlanEdits
{
    public const string Stale = "Kế hoạch vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.";
}
