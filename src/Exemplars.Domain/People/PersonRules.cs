using System.Text.RegularExpressions;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.People;

/// <summary>What a person or an import row proposes for a registry entry.</summary>
public sealed record PersonDraft(
    string Code,
    string FullName,
    DateOnly? BirthDate,
    Gender? Gender,
    string? Ethnicity,
    string? Position,
    bool IsPartyMember,
    int? PartyJoinYear,
    bool IsLeader,
    string? FieldCategoryCode);

public static partial class PersonRules
{
    public const int MaxNameLength = 150;

    /// <summary>The columns' sizes (a longer text failed on PostgreSQL as a "concurrent edit", and passed on SQLite).</summary>
    public const int MaxEthnicityLength = 50;

    public const int MaxPositionLength = 200;

    /// <summary>Shape checks that need only the draft and today's date (no database).</summary>
    public static List<DomainError> Validate(PersonDraft draft, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(draft.Code) || !CodePattern().IsMatch(draft.Code.Trim()))
        {
            errors.Add(DomainError.Invalid(nameof(draft.Code), "Mã người phải có 2–40 ký tự, chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới."));
        }

        if (string.IsNullOrWhiteSpace(draft.FullName))
        {
            errors.Add(DomainError.Invalid(nameof(draft.FullName), "Họ và tên không được để trống."));
        }
        else if (draft.FullName.Trim().Length > MaxNameLength)
        {
            errors.Add(DomainError.Invalid(nameof(draft.FullName), $"Họ và tên dài tối đa {MaxNameLength} ký tự."));
        }

        if (draft.Ethnicity is { } ethnicity && ethnicity.Trim().Length > MaxEthnicityLength)
        {
            errors.Add(DomainError.Invalid(nameof(draft.Ethnicity), $"Dân tộc dài tối đa {MaxEthnicityLength} ký tự."));
        }

        if (draft.Position is { } position && position.Trim().Length > MaxPositionLength)
        {
            errors.Add(DomainError.Invalid(nameof(draft.Position), $"Chức vụ dài tối đa {MaxPositionLength} ký tự."));
        }

        if (draft.BirthDate is { } birth && (birth > today.AddYears(-14) || birth < today.AddYears(-100)))
        {
            errors.Add(DomainError.Invalid(nameof(draft.BirthDate), $"Ngày sinh {birth:dd/MM/yyyy} không hợp lý (tuổi phải từ 14 đến 100)."));
        }

        if (draft.Gender is { } gender && !Enum.IsDefined(gender))
        {
            errors.Add(DomainError.Invalid(nameof(draft.Gender), "Giới tính không hợp lệ."));
        }

        if (draft.IsPartyMember)
        {
            if (draft.PartyJoinYear is null)
            {
                errors.Add(DomainError.Invalid(nameof(draft.PartyJoinYear), "Đảng viên phải có năm vào Đảng."));
            }
            else if (draft.PartyJoinYear > today.Year || draft.PartyJoinYear < 1930)
            {
                errors.Add(DomainError.Invalid(nameof(draft.PartyJoinYear), $"Năm vào Đảng {draft.PartyJoinYear} không hợp lệ."));
            }
            else if (draft.BirthDate is { } b && draft.PartyJoinYear < b.Year + 18)
            {
                errors.Add(DomainError.Invalid(nameof(draft.PartyJoinYear), $"Năm vào Đảng {draft.PartyJoinYear} sớm hơn năm đủ 18 tuổi ({b.Year + 18})."));
            }
        }
        else if (draft.PartyJoinYear is not null)
        {
            errors.Add(DomainError.Invalid(nameof(draft.PartyJoinYear), "Chỉ đảng viên mới có năm vào Đảng."));
        }

        return errors;
    }

    /// <summary>A yearly rating must be for a year that has ended or is ending, and not before the person joined the party.</summary>
    public static DomainError? ValidateRatingYear(int year, int? partyJoinYear, DateOnly today)
    {
        if (year < 1990 || year > today.Year)
        {
            return DomainError.Invalid("Year", $"Năm xếp loại {year} không hợp lệ.");
        }

        return partyJoinYear is { } joined && year < joined
            ? DomainError.Invalid("Year", $"Năm {year} trước năm vào Đảng ({joined}).")
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{2,40}$")]
    private static partial Regex CodePattern();
}
