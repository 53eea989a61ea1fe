namespace Exemplars.Domain.Reports;

/// <summary>
/// The figures a grassroots committee reports for one period, all counted by the system from what the unit recorded
/// (its own commendations included).
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
        "Phát hiện", "Bồi dưỡng", "Đề nghị khen thưởng", "Khen thưởng cấp cơ sở", "Khen thưởng cấp trên cơ sở", "Đề nghị cấp tỉnh", "Khen thưởng cấp tỉnh",
        "Đăng ký học tập", "Có kết quả học tập",
    ];

    public IReadOnlyList<int> Values => [Discovered, Nurtured, Nominated, CommendedGrassroots, CommendedBloc, SentToProvince, CommendedProvince, Pledges, PledgeResults];
}
