using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Review;

/// <summary>
/// Verification of a dossier (thẩm định) is recorded at once for every criterion that needs judgement: each one judged
/// Đạt, Không đạt or Cần bổ sung (nothing assumed), a note with every Không đạt / Cần bổ sung. The dossier may be
/// accepted only when every criterion is Đạt.
/// </summary>
public static class VerificationRules
{
    public const int MaxNote = 2000;

    /// <param name="criteria">The dossier's criteria needing judgement: code and a short name for messages.</param>
    public static List<DomainError> Validate(IReadOnlyList<(string Code, string Name)> criteria, IReadOnlyList<VerificationEntry> entries)
    {
        var errors = new List<DomainError>();
        var known = criteria.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in entries.Where(e => e.CriterionCode is null || !known.Contains(e.CriterionCode)))
        {
            errors.Add(DomainError.Invalid("Entries", "Có tiêu chí không thuộc hồ sơ này; hãy tải lại trang."));
            break;
        }

        if (entries.Where(e => e.CriterionCode is not null).GroupBy(e => e.CriterionCode).Any(g => g.Count() > 1))
        {
            errors.Add(DomainError.Invalid("Entries", "Mỗi tiêu chí chỉ được ghi một kết quả."));
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var (code, name) = criteria[i];
            var entry = entries.FirstOrDefault(e => e.CriterionCode == code);
            var field = $"Entries[{i}]";
            if (entry?.Result is not { } result || !Enum.IsDefined(result))
            {
                errors.Add(DomainError.Invalid(field + ".Result", $"Chưa chọn kết quả cho tiêu chí “{name}”."));
                continue;
            }

            if (result != CheckResult.Pass && string.IsNullOrWhiteSpace(entry.Note))
            {
                errors.Add(DomainError.Invalid(field + ".Note", $"Tiêu chí “{name}” {Label(result).ToLowerInvariant()}: hãy ghi nhận xét (cần sửa, bổ sung gì)."));
            }

            if (entry.Note is { } note && note.Trim().Length > MaxNote)
            {
                errors.Add(DomainError.Invalid(field + ".Note", $"Nhận xét tiêu chí “{name}” dài quá {MaxNote} ký tự."));
            }
        }

        return errors;
    }

    public static bool AllPass(IEnumerable<VerificationEntry> entries) => entries.All(e => e.Result == CheckResult.Pass);

    /// <summary>The reason sent to the unit with a returned dossier: each criterion not passed, with its note.</summary>
    public static string ReturnReason(IReadOnlyList<(string Code, string Name)> criteria, IReadOnlyList<VerificationEntry> entries)
    {
        var lines = criteria
            .Select(c => (c.Name, Entry: entries.FirstOrDefault(e => e.CriterionCode == c.Code)))
            .Where(x => x.Entry?.Result is { } r && r != CheckResult.Pass)
            .Select(x => $"- {x.Name}: {Label(x.Entry!.Result!.Value).ToLowerInvariant()} – {x.Entry.Note?.Trim()}");
        return string.Join("\n", lines);
    }

    public static string Label(CheckResult result) => result switch
    {
        CheckResult.Pass => "Đạt",
        CheckResult.Fail => "Không đạt",
        CheckResult.NeedsMore => "Cần bổ sung",
        _ => result.ToString(),
    };
}
