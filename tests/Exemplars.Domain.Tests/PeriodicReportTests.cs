using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;

namespace Exemplars.Domain.Tests;

/// <summary>A periodic report's transitions are methods of the report: send (figures frozen) and return (with a reason).</summary>
public sealed class PeriodicReportTests
{
    private static readonly DateTime Now = new(2026, 6, 18, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Sending_freezes_the_figures_and_a_sent_report_is_not_sent_again()
    {
        var report = new PeriodicReport { Narrative = "Kết quả, bài học kinh nghiệm và kiến nghị của cấp ủy." };
        var version = report.Version;
        Assert.Empty(report.Submit(new ReportFigures(1, 2, 3, 4, 5, 6, 7, 8, 9), "coso1@demo.vn", Now));
        Assert.Equal((ReportStatus.Submitted, 3, "coso1@demo.vn", Now), (report.Status, report.Nominated, report.SubmittedBy!, report.SubmittedAtUtc!.Value));
        Assert.NotEqual(version, report.Version);
        var again = Assert.Single(report.Submit(ReportFigures.Zero, "coso2@demo.vn", Now.AddHours(1)));
        Assert.Equal("report_submitted", again.Code);
        Assert.Equal(3, report.Nominated);
    }

    [Fact]
    public void A_report_without_a_narrative_is_not_sent()
    {
        var report = new PeriodicReport { Narrative = "ngắn" };
        Assert.Equal("Narrative", Assert.Single(report.Submit(ReportFigures.Zero, "x", Now)).Field);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Only_a_sent_report_is_returned_and_only_with_a_reason()
    {
        var draft = new PeriodicReport();
        Assert.Equal("report_not_submitted", Assert.Single(draft.ReturnToUnit("Bổ sung số liệu.", Now)).Code);
        var sent = new PeriodicReport { Status = ReportStatus.Submitted, SubmittedBy = "coso1@demo.vn", SubmittedAtUtc = Now };
        Assert.Equal(ErrorKind.Validation, Assert.Single(sent.ReturnToUnit("  ", Now)).Kind);
        Assert.Equal(ReportStatus.Submitted, sent.Status);
        Assert.Empty(sent.ReturnToUnit(" Bổ sung số liệu. ", Now));
        Assert.Equal((ReportStatus.Draft, "Bổ sung số liệu.", (string?)null, (DateTime?)null), (sent.Status, sent.ReturnReason!, sent.SubmittedBy, sent.SubmittedAtUtc));
    }
}
