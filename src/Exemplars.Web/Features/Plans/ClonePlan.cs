using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>
/// Starts the next term's plan from an existing one (e.g. 2026–2030 from 2021–2025): configured, not coded. Its years and
/// rounds shift by the difference of the codes; its documents may be issued by another committee of the issuer
/// directory (the bloc committees were reorganised in 2025); its criteria are then edited like any plan's.
/// </summary>
public static class ClonePlan
{
    public sealed record Command(int SourceId, string Code, string Name, string? IssuerSymbol = null);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị viên được tạo kế hoạch.");
            }

            var source = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Rounds).Include(p => p.Categories).Include(p => p.Criteria).Include(p => p.ReportingPeriods)
                .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == command.SourceId, cancellationToken);
            if (source is null)
            {
                return DomainError.NotFound("Không tìm thấy kế hoạch gốc.");
            }

            var errors = new List<DomainError>();
            if (PlanRules.ValidatePlanCode(command.Code) is { } codeError)
            {
                errors.Add(codeError);
            }

            if (string.IsNullOrWhiteSpace(command.Name))
            {
                errors.Add(DomainError.Invalid("Name", "Tên kế hoạch không được để trống."));
            }

            var issuer = string.IsNullOrWhiteSpace(command.IssuerSymbol) ? null : command.IssuerSymbol.Trim();
            if (issuer is not null && !await db.Set<Domain.Documents.Issuer>().AnyAsync(i => i.Symbol == issuer, cancellationToken))
            {
                errors.Add(DomainError.Invalid("IssuerSymbol", $"Chưa có cơ quan ban hành ký hiệu \"{issuer}\" trong danh mục; hãy thêm ở trang Cơ quan ban hành văn bản trước."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var shift = int.Parse(command.Code.Trim()[..4], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(source.Code[..4], System.Globalization.CultureInfo.InvariantCulture);
            var clone = PlanRules.Clone(source, command.Code, command.Name, shift, issuer);
            var roundCodes = clone.Rounds.Select(r => r.Code).ToList();
            if (await db.Plans.AnyAsync(p => p.Code == clone.Code, cancellationToken))
            {
                return DomainError.Invalid("Code", $"Đã có kế hoạch mã {clone.Code}.");
            }

            if (await db.Rounds.AnyAsync(r => roundCodes.Contains(r.Code), cancellationToken))
            {
                return DomainError.Invalid("Code", $"Đã có đợt bình xét trùng mã ({string.Join(", ", roundCodes)}); hãy chọn mã kế hoạch khác.");
            }

            db.Plans.Add(clone);
            await db.SaveChangesAsync(cancellationToken);
            return clone.Id;
        }
    }
}
