namespace Exemplars.Domain.Reports;

public enum ReportStatus
{
    /// <summary>Đang soạn.</summary>
    Draft,

    /// <summary>Đã gửi.</summary>
    Submitted,
}

/// <summary>
/// The figures a grassroots committee reports for one period. All but the grassroots-level commendations come from the
/// system; the committee adds the ones it gave itself, which the system cannot know.
/// </summary>
public sealed record ReportFigures(
    int Discovered,
    int Nurtured,
    int Nominated,
    int CommendedGrassroots,
    int CommendedBloc,
    int SentToProvince,
    int CommendedProvince,
    int Pledges,
    int PledgeResults)
{
    public static ReportFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ReportFigures Add(ReportFigures other) => new(
        Discovered + other.Discovered, Nurtured + other.Nurtured, Nominated + other.Nominated, CommendedGrassroots + other.CommendedGrassroots,
        CommendedBloc + other.CommendedBloc, SentToProvince + other.SentToProvince, CommendedProvince + other.CommendedProvince,
        Pledges + other.Pledges, PledgeResults + other.PledgeResults);

    /// <summary>Column headings, in the order of <see cref="Values"/>.</summary>
    public static IReadOnlyList<string> Headings { get; } =
    [
        "Phát hiện", "Bồi dưỡng", "Đề nghị khen thưởng", "Khen thưởng cấp cơ sở", "Khen thưởng cấp Khối", "Đề nghị cấp Tỉnh", "Khen thưởng cấp Tỉnh",
        "Đăng ký học tập", "Có kết quả học tập",
    ];

    public IReadOnlyList<int> Values => [Discovered, Nurtured, Nominated, CommendedGrassroots, CommendedBloc, SentToProvince, CommendedProvince, Pledges, PledgeResults];
}

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

    /// <summary>Entered by the committee: commendations it gave at its own level.</summary>
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
