using System.Text.RegularExpressions;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Plans;

/// <summary>What an admin may set on a round, and how plans are cloned and criteria edited.</summary>
public static partial class PlanRules
{
    public sealed record RoundDraft(
        string Name,
        int FirstRatingYear,
        int LastRatingYear,
        int MinExcellentYears,
        int ReviewFromYear,
        int ReviewToYear,
        DateOnly GrassrootsDeadline,
        DateOnly CeremonyDate,
        string? CeremonyOccasion,
        int QuotaCollectives,
        int QuotaIndividuals);

    public static List<DomainError> ValidateRound(RoundDraft d)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            errors.Add(DomainError.Invalid(nameof(d.Name), "Tên đợt không được để trống."));
        }

        if (d.FirstRatingYear < 1990 || d.LastRatingYear > 2100 || d.FirstRatingYear > d.LastRatingYear)
        {
            errors.Add(DomainError.Invalid(nameof(d.FirstRatingYear), "Các năm xếp loại phải là một khoảng năm hợp lệ (năm đầu không sau năm cuối)."));
        }
        else if (d.MinExcellentYears < 0 || d.MinExcellentYears > d.LastRatingYear - d.FirstRatingYear + 1)
        {
            errors.Add(DomainError.Invalid(nameof(d.MinExcellentYears), $"Số năm hoàn thành xuất sắc tối thiểu phải từ 0 đến {d.LastRatingYear - d.FirstRatingYear + 1}."));
        }

        if (d.ReviewFromYear > d.ReviewToYear || d.ReviewFromYear < 1990 || d.ReviewToYear > 2100)
        {
            errors.Add(DomainError.Invalid(nameof(d.ReviewFromYear), "Thời gian bình xét phải là một khoảng năm hợp lệ."));
        }

        if (d.CeremonyDate <= d.GrassrootsDeadline)
        {
            errors.Add(DomainError.Invalid(nameof(d.CeremonyDate), "Ngày tuyên dương phải sau hạn nộp của cơ sở."));
        }

        if (d.QuotaCollectives < 0 || d.QuotaIndividuals < 0 || d.QuotaCollectives > 100 || d.QuotaIndividuals > 100)
        {
            errors.Add(DomainError.Invalid(nameof(d.QuotaCollectives), "Số lượng đề nghị lên cấp trên phải từ 0 đến 100."));
        }

        return errors;
    }

    public static void Apply(Round round, RoundDraft d)
    {
        round.Name = d.Name.Trim();
        round.FirstRatingYear = d.FirstRatingYear;
        round.LastRatingYear = d.LastRatingYear;
        round.MinExcellentYears = d.MinExcellentYears;
        round.ReviewFromYear = d.ReviewFromYear;
        round.ReviewToYear = d.ReviewToYear;
        round.GrassrootsDeadline = d.GrassrootsDeadline;
        round.CeremonyDate = d.CeremonyDate;
        round.CeremonyOccasion = string.IsNullOrWhiteSpace(d.CeremonyOccasion) ? null : d.CeremonyOccasion.Trim();
        round.QuotaCollectives = d.QuotaCollectives;
        round.QuotaIndividuals = d.QuotaIndividuals;
    }

    public static DomainError? ValidatePlanCode(string? code) =>
        code is not null && PlanCodePattern().IsMatch(code.Trim())
            ? null
            : DomainError.Invalid("Code", "Mã kế hoạch có dạng năm đầu-năm cuối, ví dụ 2026-2030.");

    /// <summary>
    /// A new plan with the same structure, every year and date moved by <paramref name="yearShift"/>, round codes
    /// renamed accordingly, current criteria copied as version 1. Nothing of the source is shared.
    /// </summary>
    public static Plan Clone(Plan source, string code, string name, int yearShift)
    {
        string Shift(string roundCode) => ShiftYears(roundCode, yearShift);
        return new Plan
        {
            Code = code.Trim(),
            Name = name.Trim(),
            Basis = source.Basis,
            IsBuiltIn = false,
            ImplementationPlansDueOn = source.ImplementationPlansDueOn?.AddYears(yearShift),
            QuorumNumerator = source.QuorumNumerator,
            QuorumDenominator = source.QuorumDenominator,
            ApprovalNumerator = source.ApprovalNumerator,
            ApprovalDenominator = source.ApprovalDenominator,
            Phases = source.Phases.Select(p => new Phase { Number = p.Number, Name = ShiftYears(p.Name, yearShift), FromYear = p.FromYear + yearShift, ToYear = p.ToYear + yearShift }).ToList(),
            Rounds = source.Rounds.Select(r => new Round
            {
                Code = Shift(r.Code),
                Name = ShiftYears(r.Name, yearShift),
                Kind = r.Kind,
                PhaseNumber = r.PhaseNumber,
                FirstRatingYear = r.FirstRatingYear + yearShift,
                LastRatingYear = r.LastRatingYear + yearShift,
                MinExcellentYears = r.MinExcellentYears,
                ReviewFromYear = r.ReviewFromYear + yearShift,
                ReviewToYear = r.ReviewToYear + yearShift,
                GrassrootsDeadline = r.GrassrootsDeadline.AddYears(yearShift),
                CeremonyDate = r.CeremonyDate.AddYears(yearShift),
                CeremonyOccasion = r.CeremonyOccasion is null ? null : ShiftYears(r.CeremonyOccasion, yearShift),
                QuotaCollectives = r.QuotaCollectives,
                QuotaIndividuals = r.QuotaIndividuals,
                CriteriaVersion = 1,
            }).ToList(),
            ReportingPeriods = source.ReportingPeriods.Select(p => new Reports.ReportingPeriod
            {
                Kind = p.Kind, Year = p.Year + yearShift, From = p.From.AddYears(yearShift), To = p.To.AddYears(yearShift), Deadline = p.Deadline.AddYears(yearShift),
            }).ToList(),
            Categories = source.Categories.Select(c => new NomineeCategory { Code = c.Code, Kind = c.Kind, Title = c.Title, SortOrder = c.SortOrder }).ToList(),
            Criteria = source.Criteria.Where(c => c.RetiredInVersion is null).Select(c => new Criterion
            {
                Scope = c.Scope, CategoryCode = c.CategoryCode, SubGroup = c.SubGroup, Code = c.Code, Text = c.Text,
                SortOrder = c.SortOrder, CheckedByRule = c.CheckedByRule, Version = 1,
            }).ToList(),
        };
    }

    /// <summary>
    /// Changes a criterion's text. While no round of the plan is frozen (has nominations) the text is edited in place;
    /// otherwise the old text is retired in a new version and every unfrozen round moves to that version, so nominations
    /// already made keep the criteria they were made under.
    /// </summary>
    public static DomainError? EditCriterion(Plan plan, string criterionCode, string newText, IReadOnlySet<int> frozenRoundIds)
    {
        if (string.IsNullOrWhiteSpace(newText))
        {
            return DomainError.Invalid("Text", "Nội dung tiêu chí không được để trống.");
        }

        var current = plan.Criteria.SingleOrDefault(c => c.Code == criterionCode && c.RetiredInVersion is null);
        if (current is null)
        {
            return DomainError.NotFound("Không tìm thấy tiêu chí.");
        }

        if (current.Text == newText.Trim())
        {
            return null;
        }

        var frozen = plan.Rounds.Any(r => frozenRoundIds.Contains(r.Id));
        if (!frozen)
        {
            current.Text = newText.Trim();
            return null;
        }

        var next = plan.Criteria.Max(c => Math.Max(c.Version, c.RetiredInVersion ?? 0)) + 1;
        current.RetiredInVersion = next;
        plan.Criteria.Add(new Criterion
        {
            Scope = current.Scope, CategoryCode = current.CategoryCode, SubGroup = current.SubGroup, Code = current.Code,
            Text = newText.Trim(), SortOrder = current.SortOrder, CheckedByRule = current.CheckedByRule, Version = next,
        });
        foreach (var round in plan.Rounds.Where(r => !frozenRoundIds.Contains(r.Id)))
        {
            round.CriteriaVersion = next;
        }

        return null;
    }

    private static string ShiftYears(string text, int shift) =>
        YearPattern().Replace(text, m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + shift).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\d{4}-\d{4}$")]
    private static partial Regex PlanCodePattern();

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex YearPattern();
}
