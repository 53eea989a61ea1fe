using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Issuers;

/// <summary>
/// An administrator records or edits an issuer: its printed lines, symbol, signing organ, recipients per document type
/// (one row each), officers (name, position, from, until, whether they sign) and committee terms (label, start date),
/// each a row. Wholly blank rows are ignored; any other row with a gap is refused with its row number, and nothing is
/// saved. A stale form is refused (428 without a version, 409 with an old one).
/// </summary>
public static class SaveIssuer
{
    public sealed record Command(
        int? Id, Guid? Version, string? Symbol, string? SuperiorLine, string? Name, string? SigningOrgan, string? OrganName, string? Place,
        string? SuperiorOrgan, string? PartyName, string? AdvisingBoard, IReadOnlyList<string?>? DecisionRecipients, IReadOnlyList<string?>? SubmissionRecipients,
        IReadOnlyList<string?>? ReportRecipients, IReadOnlyList<OfficerRow>? Officers, IReadOnlyList<TermRow>? Terms);

    /// <summary>One officer: full name, position as printed, dates in office (until empty while in office), signs commendation documents.</summary>
    public sealed record OfficerRow(string? FullName, string? Position, DateOnly? From, DateOnly? Until, bool Signs);

    /// <summary>One committee term: its label ("Nhiệm kỳ 2025 - 2030") and first day (the day after the congress closes).</summary>
    public sealed record TermRow(string? Label, DateOnly? StartsOn);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị hệ thống sửa thông tin cơ quan ban hành văn bản.");
            }

            var errors = new List<DomainError>();
            var symbol = command.Symbol?.Trim();
            if (DocumentNumber.ValidateIssuer(symbol) is { } symbolError)
            {
                errors.Add(symbolError);
            }

            foreach (var (field, value, label) in new[]
            {
                ("SuperiorLine", command.SuperiorLine, "tên cơ quan cấp trên"), ("Name", command.Name, "tên cơ quan ban hành"), ("SigningOrgan", command.SigningOrgan, "cơ quan ký thay mặt"),
                ("OrganName", command.OrganName, "tên cơ quan ký trong câu văn"), ("Place", command.Place, "địa danh"), ("SuperiorOrgan", command.SuperiorOrgan, "cơ quan cấp trên nhận tờ trình, báo cáo"),
                ("PartyName", command.PartyName, "tên đảng bộ"), ("AdvisingBoard", command.AdvisingBoard, "ban tham mưu"),
            })
            {
                if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 300)
                {
                    errors.Add(DomainError.Invalid(field, $"Hãy ghi {label} (tối đa 300 ký tự)."));
                }
            }

            var officers = Officers(command.Officers, errors);
            var terms = Terms(command.Terms, errors);
            var decisionRecipients = Recipients(command.DecisionRecipients, "DecisionRecipients", "nơi nhận quyết định", errors);
            var submissionRecipients = Recipients(command.SubmissionRecipients, "SubmissionRecipients", "nơi nhận tờ trình", errors);
            var reportRecipients = Recipients(command.ReportRecipients, "ReportRecipients", "nơi nhận báo cáo", errors);
            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            Issuer? issuer;
            if (command.Id is { } id)
            {
                issuer = await db.Set<Issuer>().Include(i => i.Officers).Include(i => i.Terms).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
                if (issuer is null)
                {
                    return DomainError.NotFound("Không tìm thấy cơ quan ban hành.");
                }

                if (Common.Versions.Check(command.Version, issuer.Version, "Thông tin này vừa được người khác sửa; hãy tải lại trang và sửa lại.") is { } refused)
                {
                    return refused;
                }
            }
            else
            {
                issuer = new Issuer();
                db.Set<Issuer>().Add(issuer);
            }

            issuer.Symbol = symbol!;
            issuer.SuperiorLine = command.SuperiorLine!.Trim();
            issuer.Name = command.Name!.Trim();
            issuer.SigningOrgan = command.SigningOrgan!.Trim();
            issuer.OrganName = command.OrganName!.Trim();
            issuer.Place = command.Place!.Trim();
            issuer.SuperiorOrgan = command.SuperiorOrgan!.Trim();
            issuer.PartyName = command.PartyName!.Trim();
            issuer.AdvisingBoard = command.AdvisingBoard!.Trim();
            issuer.DecisionRecipients = decisionRecipients;
            issuer.SubmissionRecipients = submissionRecipients;
            issuer.ReportRecipients = reportRecipients;
            issuer.Version = Guid.NewGuid();
            db.RemoveRange(issuer.Officers);
            db.RemoveRange(issuer.Terms);
            issuer.Officers = officers;
            issuer.Terms = terms;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("stale", "Thông tin này vừa được người khác sửa; hãy tải lại trang và sửa lại.");
            }
            catch (DbUpdateException)
            {
                return DomainError.Conflict("symbol_taken", "Ký hiệu này đã thuộc một cơ quan ban hành khác.");
            }

            return issuer.Id;
        }
    }

    private const int MaxRows = 50;

    /// <summary>Stored one a line; a row may not hold a line break, and the whole list fits its column.</summary>
    public static string Recipients(IReadOnlyList<string?>? rows, string field, string label, List<DomainError> errors)
    {
        var lines = (rows ?? []).Select(r => r?.Trim() ?? string.Empty).Where(r => r.Length > 0).ToList();
        if (lines.Count > MaxRows || lines.Any(l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal) || l.Length > 300))
        {
            errors.Add(DomainError.Invalid(field, $"Mỗi {label} một dòng, tối đa 300 ký tự, không quá {MaxRows} dòng."));
            return string.Empty;
        }

        var text = string.Join('\n', lines);
        if (text.Length > 2000)
        {
            errors.Add(DomainError.Invalid(field, $"Danh sách {label} dài quá 2.000 ký tự."));
        }

        return text;
    }

    public static List<IssuerOfficer> Officers(IReadOnlyList<OfficerRow>? rows, List<DomainError> errors)
    {
        var officers = new List<IssuerOfficer>();
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        foreach (var (row, number) in (rows ?? []).Select((r, i) => (r, i + 1)))
        {
            if (row is null)
            {
                continue; // "officers": [null] — nothing to keep, as a blank row
            }

            var name = row.FullName?.Trim() ?? string.Empty;
            var position = row.Position?.Trim() ?? string.Empty;
            if (name.Length == 0 && position.Length == 0 && row.From is null && row.Until is null && !row.Signs)
            {
                continue; // a blank row of the form
            }

            var problems = new List<string>();
            if (name.Length is 0 or > 150)
            {
                problems.Add("hãy ghi họ và tên (tối đa 150 ký tự)");
            }

            if (position.Length is 0 or > 100)
            {
                problems.Add("hãy ghi chức vụ (tối đa 100 ký tự)");
            }

            if (row.From is null)
            {
                problems.Add("hãy ghi ngày bắt đầu giữ chức vụ");
            }
            else if (row.Until is { } until && until < row.From)
            {
                problems.Add("ngày thôi giữ chức vụ không được trước ngày bắt đầu");
            }

            if (problems.Count > 0)
            {
                errors.Add(DomainError.Invalid("Officers", $"Cán bộ dòng {number}: {string.Join("; ", problems)}."));
                continue;
            }

            officers.Add(new IssuerOfficer { FullName = name, Position = position.ToUpper(vi), From = row.From!.Value, Until = row.Until, Signs = row.Signs });
        }

        if (officers.Count > MaxRows)
        {
            errors.Add(DomainError.Invalid("Officers", $"Không quá {MaxRows} cán bộ."));
        }

        return officers;
    }

    public static List<IssuerTerm> Terms(IReadOnlyList<TermRow>? rows, List<DomainError> errors)
    {
        var terms = new List<IssuerTerm>();
        foreach (var (row, number) in (rows ?? []).Select((r, i) => (r, i + 1)))
        {
            if (row is null)
            {
                continue; // "terms": [null], as a blank row
            }

            var label = row.Label?.Trim() ?? string.Empty;
            if (label.Length == 0 && row.StartsOn is null)
            {
                continue;
            }

            if (label.Length is 0 or > 100 || row.StartsOn is not { } start)
            {
                errors.Add(DomainError.Invalid("Terms", $"Nhiệm kỳ dòng {number}: hãy ghi tên nhiệm kỳ (ví dụ “Nhiệm kỳ 2025 - 2030”, tối đa 100 ký tự) và ngày bắt đầu (ngày sau ngày bế mạc đại hội)."));
                continue;
            }

            if (terms.Any(t => t.StartsOn == start))
            {
                errors.Add(DomainError.Invalid("Terms", $"Nhiệm kỳ dòng {number}: hai nhiệm kỳ không thể bắt đầu cùng một ngày."));
                continue;
            }

            terms.Add(new IssuerTerm { Label = label, StartsOn = start });
        }

        if (terms.Count > MaxRows)
        {
            errors.Add(DomainError.Invalid("Terms", $"Không quá {MaxRows} nhiệm kỳ."));
        }

        return terms;
    }
}
