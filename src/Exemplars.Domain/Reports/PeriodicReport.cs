using Exemplars.Domain.Common;

namespace Exemplars.Domain.Reports;

/// <summary>A grassroots committee's half-year or annual report (báo cáo định kỳ). Figures are frozen when it is sent.</summary>
public sealed class PeriodicReport
{
    public int Id { get; set; }

    public int ReportingPeriodId { get; set; }

    public int OrganizationId { get; set; }

    public ReportStatus Status { get; set; }

    public int Discovered { get; set; }

    public int Nurtured { get; set; }

    public int Nominated { get; set; }

    /// <summary>Commendations the committee gave at its own level (counted from its recorded decisions).</summary>
    public int CommendedGrassroots { get; set; }

    public int CommendedBloc { get; set; }

    public int SentToProvince { get; set; }

    public int CommendedProvince { get; set; }

    public int Pledges { get; set; }

    public int PledgeResults { get; set; }

    /// <summary>Plain text: results, lessons, proposals (kết quả, bài học kinh nghiệm, đề xuất, kiến nghị).</summary>
    public string Narrative { get; set; } = string.Empty;

    public string? ReturnReason { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>Optimistic concurrency: two clerks sending at once — one wins, the other gets 409.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public ReportFigures Figures => new(Discovered, Nurtured, Nominated, CommendedGrassroots, CommendedBloc, SentToProvince, CommendedProvince, Pledges, PledgeResults);

    /// <summary>
    /// The committee sends its draft: figures counted by the system are frozen with it. A sent report cannot be sent
    /// again, and a report without a narrative is not sent.
    /// </summary>
    public IReadOnlyList<DomainError> Submit(ReportFigures figures, string by, DateTime nowUtc)
    {
        if (ReportSchedule.CanEdit(Status) is { } locked)
        {
            return [locked];
        }

        if (ReportSchedule.CanSubmit(Narrative) is { } missing)
        {
            return [missing];
        }

        Freeze(figures);
        Status = ReportStatus.Submitted;
        ReturnReason = null;
        SubmittedAtUtc = nowUtc;
        SubmittedBy = by;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return [];
    }

    /// <summary>The secretariat returns a sent report with its reason; it becomes a draft the committee corrects and sends again.</summary>
    public IReadOnlyList<DomainError> ReturnToUnit(string? reason, DateTime nowUtc)
    {
        if (Status != ReportStatus.Submitted)
        {
            return [DomainError.Conflict("report_not_submitted", "Chỉ trả lại báo cáo đã gửi.")];
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return [DomainError.Invalid("Reason", "Hãy ghi lý do trả lại (tối đa 1000 ký tự).")];
        }

        Status = ReportStatus.Draft;
        ReturnReason = reason.Trim();
        SubmittedAtUtc = null;
        SubmittedBy = null;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return [];
    }

    public void Freeze(ReportFigures figures)
    {
        Discovered = figures.Discovered;
        Nurtured = figures.Nurtured;
        Nominated = figures.Nominated;
        CommendedGrassroots = figures.CommendedGrassroots;
        CommendedBloc = figures.CommendedBloc;
        SentToProvince = figures.SentToProvince;
        CommendedProvince = figures.CommendedProvince;
        Pledges = figures.Pledges;
        PledgeResults = figures.PledgeResults;
    }
}
