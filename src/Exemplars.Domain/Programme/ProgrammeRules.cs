using System.Globalization;
using System.Text.RegularExpressions;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Programme;

/// <summary>The checks a grassroots committee's own documents pass: implementation plans and its commendation decisions.</summary>
public static partial class ProgrammeRules
{
    public const int MaxSummary = 4000;
    public const int MaxName = 300;
    public const int MaxAchievements = 4000;

    /// <summary>Party document number: number-type/issuer, e.g. "12-KH/ĐU", "05-QĐ/ĐU".</summary>
    [GeneratedRegex(@"^\d{1,4}-\p{Lu}+(/[\p{Lu}\d]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    public static partial Regex NumberPattern();

    /// <summary>Parses "dd/MM/yyyy"; null when it is not a date in that form.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// An implementation plan: a party document number, a date not after today and not before the bloc plan it carries
    /// out was issued, and a summary.
    /// </summary>
    public static IReadOnlyList<DomainError> ValidatePlan(string? number, string? issuedOn, string? summary, DateOnly today, DateOnly? blocPlanIssuedOn)
    {
        var errors = new List<DomainError>();
        var trimmed = number?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 50 || !NumberPattern().IsMatch(trimmed))
        {
            errors.Add(DomainError.Invalid("Number", "Số kế hoạch phải có dạng số-ký hiệu, ví dụ 12-KH/ĐU."));
        }

        ValidateIssueDate(issuedOn, today, blocPlanIssuedOn, "IssuedOn", "Ngày ban hành", "kế hoạch của Đảng ủy cấp trên", errors);
        if (string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > MaxSummary)
        {
            errors.Add(DomainError.Invalid("Summary", $"Hãy ghi tóm tắt nội dung kế hoạch (tối đa {MaxSummary.ToString("N0", Vietnamese)} ký tự)."));
        }

        return errors;
    }

    /// <summary>
    /// A commendation the unit gave at its own level: who (a registry person or collective, or a name), for what, and the
    /// decision that gave it (number and a date not after today).
    /// </summary>
    public static IReadOnlyList<DomainError> ValidateCommendation(bool fromRegistry, string? name, string? achievements, string? form, string? decisionNumber, string? decisionDate, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (!fromRegistry && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName))
        {
            errors.Add(DomainError.Invalid("Name", $"Hãy chọn người, tập thể trong sổ theo dõi hoặc ghi tên (tối đa {MaxName} ký tự)."));
        }

        if (string.IsNullOrWhiteSpace(achievements) || achievements.Trim().Length > MaxAchievements)
        {
            errors.Add(DomainError.Invalid("Achievements", $"Hãy ghi thành tích được khen thưởng (tối đa {MaxAchievements.ToString("N0", Vietnamese)} ký tự)."));
        }

        if (!CommendationForms.Contains(form?.Trim() ?? string.Empty))
        {
            errors.Add(DomainError.Invalid("Form", $"Hình thức khen thưởng là một trong: {string.Join(", ", CommendationForms)}."));
        }

        var number = decisionNumber?.Trim() ?? string.Empty;
        if (number.Length is 0 or > 50 || !NumberPattern().IsMatch(number))
        {
            errors.Add(DomainError.Invalid("DecisionNumber", "Số quyết định khen thưởng phải có dạng số-ký hiệu, ví dụ 05-QĐ/ĐU."));
        }

        ValidateIssueDate(decisionDate, today, null, "DecisionDate", "Ngày quyết định", null, errors);
        return errors;
    }

    /// <summary>The forms a grassroots party committee commends in (Luật Thi đua, khen thưởng 2022; the party's own forms).</summary>
    public static IReadOnlyList<string> CommendationForms { get; } = ["Giấy khen", "Biểu dương"];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static void ValidateIssueDate(string? text, DateOnly today, DateOnly? notBefore, string field, string label, string? notBeforeWhat, List<DomainError> errors)
    {
        if (ParseDate(text) is not { } date)
        {
            errors.Add(DomainError.Invalid(field, $"{label} phải có dạng ngày/tháng/năm, ví dụ 05/03/2027."));
        }
        else if (date > today)
        {
            errors.Add(DomainError.Invalid(field, $"{label} không được sau ngày hôm nay."));
        }
        else if (notBefore is { } earliest && date < earliest)
        {
            errors.Add(DomainError.Invalid(field, string.Create(CultureInfo.InvariantCulture, $"{label} không được trước ngày ban hành {notBeforeWhat} ({earliest:dd/MM/yyyy}).")));
        }
    }
}
