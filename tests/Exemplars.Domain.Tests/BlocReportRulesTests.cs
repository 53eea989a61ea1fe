using Exemplars.Domain.Common;
using Exemplars.Domain.Reports;

namespace Exemplars.Domain.Tests;

/// <summary>The bloc report's sections: all three written, edited while a draft, frozen once issued.</summary>
public sealed class BlocReportRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_section_must_hold_text_and_not_run_over_the_limit()
    {
        var errors = BlocReport.Validate("<p> </p>", "<p>Hạn chế.</p>", new string('x', BlocReport.MaxSection + 1));
        Assert.Equal(["ResultsHtml", "DirectionsHtml"], errors.Select(e => e.Field));
        Assert.Contains("Kết quả đạt được", errors[0].Message, StringComparison.Ordinal);
        Assert.False(BlocReport.HasText("<p>\u00a0<br></p>"));
        Assert.True(BlocReport.HasText("<ul><li>a</li></ul>"));
    }

    [Fact]
    public void A_draft_is_edited_with_a_new_version_and_an_issued_report_is_frozen()
    {
        var report = new BlocReport();
        var first = report.Version;
        Assert.Empty(report.Edit("<p>Kết quả.</p>", "<p>Hạn chế.</p>", "<p>Phương hướng.</p>", "tgdv@demo.vn", Now));
        Assert.NotEqual(first, report.Version);
        Assert.Empty(report.Issue(7, new DateOnly(2026, 12, 2), "tgdv@demo.vn", Now));
        Assert.True(report.IsIssued);
        Assert.Equal(ErrorKind.Conflict, Assert.Single(report.Edit("<p>Khác.</p>", "<p>x</p>", "<p>x</p>", "x", Now)).Kind);
        Assert.Equal("<p>Kết quả.</p>", report.ResultsHtml);
        Assert.Equal(ErrorKind.Conflict, Assert.Single(report.Issue(8, new DateOnly(2026, 12, 3), "x", Now)).Kind);
        Assert.Equal(7, report.DecisionId);
    }

    [Fact]
    public void A_report_type_is_numbered_BC()
    {
        Assert.Equal("01-BC/ĐUK", DocumentNumber.Format(1, DocumentType.Report, "ĐUK"));
        Assert.Equal("Báo cáo", DocumentNumber.Name(DocumentType.Report));
    }
}
