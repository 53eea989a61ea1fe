using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Nominations;

/// <summary>What is known about a dossier at the moment of submission.</summary>
public sealed record SubmissionFacts(
    DateOnly Today,
    DateOnly Deadline,
    DateOnly? ExtensionUntil,
    bool HasSummary,
    MeetingMinutes? Minutes,
    bool HasMinutesScan,
    int EvidenceCount,
    Verdict Verdict,
    string? IndeterminateExplanation);

/// <summary>Plan III: grassroots committees send their exemplars before the round's deadline. Every reason to refuse is listed.</summary>
public static class SubmissionRules
{
    public static IReadOnlyList<DomainError> Check(SubmissionFacts facts, VoteThresholds thresholds)
    {
        var errors = new List<DomainError>();
        var lastDay = Deadlines.LastDay(facts.Deadline, facts.ExtensionUntil);
        if (facts.Today > lastDay)
        {
            errors.Add(DomainError.Rule("deadline_passed", facts.ExtensionUntil is null
                ? $"Đã quá hạn nộp hồ sơ ({facts.Deadline:dd/MM/yyyy})."
                : $"Đã quá hạn nộp hồ sơ được gia hạn ({lastDay:dd/MM/yyyy})."));
        }

        var missing = new List<string>();
        if (!facts.HasSummary)
        {
            missing.Add("tóm tắt thành tích trong báo cáo thành tích");
        }

        if (facts.EvidenceCount == 0)
        {
            missing.Add("ít nhất một minh chứng");
        }

        if (facts.Minutes is null)
        {
            missing.Add("biên bản họp bình xét");
        }

        if (!facts.HasMinutesScan)
        {
            missing.Add("bản chụp biên bản có chữ ký");
        }

        if (missing.Count > 0)
        {
            errors.Add(DomainError.Rule("missing_parts", $"Hồ sơ còn thiếu: {string.Join("; ", missing)}."));
        }

        if (facts.Minutes is { } minutes && MinutesRules.CheckThresholds(minutes, thresholds) is { } vote)
        {
            errors.Add(vote);
        }

        switch (facts.Verdict)
        {
            case Verdict.Ineligible:
                errors.Add(DomainError.Rule("not_eligible", "Đối tượng không đủ điều kiện theo các tiêu chí kiểm tra được; không thể gửi hồ sơ."));
                break;
            case Verdict.Indeterminate when string.IsNullOrWhiteSpace(facts.IndeterminateExplanation):
                errors.Add(DomainError.Rule("explanation_required", "Chưa đủ dữ liệu để kết luận điều kiện; hãy ghi giải trình trước khi gửi."));
                break;
            case Verdict.Eligible:
            case Verdict.Indeterminate:
                break;
        }

        return errors;
    }
}
