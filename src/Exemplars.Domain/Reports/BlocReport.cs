using Exemplars.Domain.Common;

namespace Exemplars.Domain.Reports;

/// <summary>
/// The assessment of the bloc's periodic report (báo cáo tổng hợp): three narrative sections — results, limitations
/// and their causes, directions — drafted from the units' reports, edited by the secretariat, frozen once the report is
/// issued with its number in the document register.
/// </summary>
public sealed class BlocReport
{
    /// <summary>Longest a section may be, in characters of sanitized HTML.</summary>
    public const int MaxSection = 30_000;

    public int Id { get; set; }

    public int ReportingPeriodId { get; set; }

    /// <summary>Kết quả đạt được (sanitized HTML).</summary>
    public string ResultsHtml { get; set; } = string.Empty;

    /// <summary>Hạn chế và nguyên nhân (sanitized HTML).</summary>
    public string LimitationsHtml { get; set; } = string.Empty;

    /// <summary>Phương hướng, nhiệm vụ (sanitized HTML).</summary>
    public string DirectionsHtml { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>The register entry (số ký hiệu) given when the report was issued; null while a draft.</summary>
    public int? DecisionId { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsIssued => DecisionId is not null;

    /// <summary>Checks the three sections: each present and not over <see cref="MaxSection"/>.</summary>
    public static IReadOnlyList<DomainError> Validate(string results, string limitations, string directions)
    {
        var errors = new List<DomainError>();
        Check(results, "ResultsHtml", "Kết quả đạt được", errors);
        Check(limitations, "LimitationsHtml", "Hạn chế và nguyên nhân", errors);
        Check(directions, "DirectionsHtml", "Phương hướng, nhiệm vụ", errors);
        return errors;
    }

    /// <summary>Replaces the sections of a draft; an issued report is refused (its text is frozen).</summary>
    public IReadOnlyList<DomainError> Edit(string results, string limitations, string directions, string by, DateTime nowUtc)
    {
        if (IsIssued)
        {
            return [Issued];
        }

        var errors = Validate(results, limitations, directions);
        if (errors.Count > 0)
        {
            return errors;
        }

        ResultsHtml = results;
        LimitationsHtml = limitations;
        DirectionsHtml = directions;
        UpdatedBy = by;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return [];
    }

    /// <summary>Issuing records the register entry and the date; a report is issued once.</summary>
    public IReadOnlyList<DomainError> Issue(int decisionId, DateOnly on, string by, DateTime nowUtc)
    {
        if (IsIssued)
        {
            return [Issued];
        }

        var errors = Validate(ResultsHtml, LimitationsHtml, DirectionsHtml);
        if (errors.Count > 0)
        {
            return errors;
        }

        DecisionId = decisionId;
        IssuedOn = on;
        UpdatedBy = by;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return [];
    }

    public static DomainError Issued { get; } = DomainError.Conflict("bloc_report_issued", "Báo cáo đã ban hành; nội dung đã được chốt, không sửa được nữa.");

    private static void Check(string html, string field, string name, List<DomainError> errors)
    {
        if (!HasText(html))
        {
            errors.Add(DomainError.Invalid(field, $"Hãy viết phần “{name}”."));
        }
        else if (html.Length > MaxSection)
        {
            errors.Add(DomainError.Invalid(field, $"Phần “{name}” dài quá 30.000 ký tự."));
        }
    }

    /// <summary>Whether the HTML holds any visible character outside its tags.</summary>
    public static bool HasText(string? html)
    {
        var inTag = false;
        foreach (var c in html ?? string.Empty)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag && !char.IsWhiteSpace(c) && c != '\u00a0')
            {
                return true;
            }
        }

        return false;
    }
}
