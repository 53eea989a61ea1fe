using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Issuers;

/// <summary>
/// An administrator records or edits an issuer: its printed lines, symbol, signing organ, recipients per document type,
/// officers ("Họ và tên | CHỨC VỤ | từ ngày | đến ngày | ký", one a line) and committee terms ("Nhiệm kỳ … | ngày bắt đầu").
/// All or nothing; a stale form is refused.
/// </summary>
public static class SaveIssuer
{
    public sealed record Command(
        int? Id, Guid? Version, string? Symbol, string? SuperiorLine, string? Name, string? SigningOrgan, string? OrganName, string? Place,
        string? SuperiorOrgan, string? PartyName, string? AdvisingBoard, string? DecisionRecipients, string? SubmissionRecipients, string? ReportRecipients,
        string? Officers, string? Terms);

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

            var officers = ParseOfficers(command.Officers, errors);
            var terms = ParseTerms(command.Terms, errors);
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

                if (command.Version != issuer.Version)
                {
                    return DomainError.Conflict("stale", "Thông tin này vừa được người khác sửa; hãy tải lại trang và sửa lại.");
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
            issuer.DecisionRecipients = Lines(command.DecisionRecipients);
            issuer.SubmissionRecipients = Lines(command.SubmissionRecipients);
            issuer.ReportRecipients = Lines(command.ReportRecipients);
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

    private static string Lines(string? text) =>
        string.Join('\n', (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static List<IssuerOfficer> ParseOfficers(string? text, List<DomainError> errors)
    {
        var officers = new List<IssuerOfficer>();
        foreach (var (line, number) in (text ?? string.Empty).Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var from = parts.Length >= 3 ? Date(parts[2]) : null;
            var until = parts.Length >= 4 && parts[3].Length > 0 ? Date(parts[3]) : null;
            if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0 || from is null || (parts.Length >= 4 && parts[3].Length > 0 && until is null) || until < from)
            {
                errors.Add(DomainError.Invalid("Officers", $"Dòng {number} của danh sách cán bộ chưa đúng mẫu “Họ và tên | CHỨC VỤ | từ ngày | đến ngày | ký” (ngày dạng dd/MM/yyyy)."));
                continue;
            }

            officers.Add(new IssuerOfficer
            {
                FullName = parts[0], Position = parts[1].ToUpper(CultureInfo.GetCultureInfo("vi-VN")), From = from.Value, Until = until,
                Signs = parts.Length >= 5 && parts[4].Equals("ký", StringComparison.OrdinalIgnoreCase),
            });
        }

        return officers;
    }

    public static List<IssuerTerm> ParseTerms(string? text, List<DomainError> errors)
    {
        var terms = new List<IssuerTerm>();
        foreach (var (line, number) in (text ?? string.Empty).Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || Date(parts[1]) is not { } start)
            {
                errors.Add(DomainError.Invalid("Terms", $"Dòng {number} của danh sách nhiệm kỳ chưa đúng mẫu “Nhiệm kỳ 2025 - 2030 | 21/08/2025”."));
                continue;
            }

            if (terms.Any(t => t.StartsOn == start))
            {
                errors.Add(DomainError.Invalid("Terms", $"Dòng {number}: hai nhiệm kỳ không thể bắt đầu cùng một ngày."));
                continue;
            }

            terms.Add(new IssuerTerm { Label = parts[0], StartsOn = start });
        }

        return terms;
    }

    public static string OfficersText(Issuer issuer) => string.Join('\n', issuer.Officers.OrderBy(o => o.From).Select(o =>
        $"{o.FullName} | {o.Position} | {o.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} | {o.Until?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}{(o.Signs ? " | ký" : string.Empty)}"));

    public static string TermsText(Issuer issuer) => string.Join('\n', issuer.Terms.OrderBy(t => t.StartsOn).Select(t =>
        $"{t.Label} | {t.StartsOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"));
}
