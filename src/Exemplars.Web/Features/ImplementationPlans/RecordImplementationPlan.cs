using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Programme;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>
/// A grassroots clerk records (or corrects) the implementation plan its committee issued for a bloc plan: number, date,
/// summary and, optionally, the signed file (PDF or Word, checked as evidence is). A correction sends the version it read.
/// </summary>
public static class RecordImplementationPlan
{
    public sealed record Command(string? Plan, string? Number, string? IssuedOn, string? Summary, Guid? Version);

    /// <summary>An attached file: its name and bytes.</summary>
    public sealed record Attachment(string? FileName, byte[] Content);

    public const string Stale = "Kế hoạch thực hiện vừa được người khác sửa. Hãy tải lại trang rồi ghi lại.";

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, ChooseRound.Handler rounds, IFileStore storage)
    {
        public async Task<Result<int>> Handle(Command command, Attachment? file, CancellationToken cancellationToken)
        {
            if (!ImplementationPlanAccess.CanRecord(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Cán bộ cấp ủy cơ sở ghi kế hoạch thực hiện của đơn vị.");
            }

            var plan = await ImplementationPlanAccess.PlanAsync(db, rounds, command.Plan, cancellationToken);
            if (!plan.IsSuccess)
            {
                return Result<int>.Failure(plan.Errors);
            }

            var unit = await db.Organizations.InScopeOf(user).AnyAsync(o => o.Id == user.OrganizationId && o.Kind == OrganizationKind.Grassroots, cancellationToken);
            if (!unit)
            {
                return DomainError.NotFound("Tài khoản không gắn với tổ chức cơ sở đảng nào.");
            }

            var errors = ProgrammeRules.ValidatePlan(command.Number, command.IssuedOn, command.Summary, VietnamTime.Today(clock), plan.Value.IssuedOn).ToList();
            FileRules.FileType? type = null;
            if (file is { Content.Length: > 0 })
            {
                var check = Infrastructure.Files.UploadInspection.Check(file.FileName, file.Content);
                if (check.IsSuccess && check.Value.Extension is not (".pdf" or ".docx" or ".doc"))
                {
                    errors.Add(DomainError.Invalid("File", "Tệp kế hoạch phải là PDF hoặc Word (.docx)."));
                }
                else if (!check.IsSuccess)
                {
                    errors.AddRange(check.Errors);
                }
                else
                {
                    type = check.Value;
                }
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var record = await db.ImplementationPlans.SingleOrDefaultAsync(p => p.PlanId == plan.Value.Id && p.OrganizationId == user.OrganizationId, cancellationToken);
            if (record is null)
            {
                record = new ImplementationPlan { PlanId = plan.Value.Id, OrganizationId = user.OrganizationId };
                db.ImplementationPlans.Add(record);
            }
            else if (Common.Versions.Check(command.Version, record.Version, Stale) is { } refused)
            {
                return refused;
            }

            if (type is not null)
            {
                var blob = await storage.PutAsync(file!.Content, cancellationToken);
                record.FileName = Path.ChangeExtension(FileRules.CleanName(file.FileName), type.Extension);
                record.ContentType = type.ContentType;
                record.FileSize = file.Content.LongLength;
                record.Sha256 = blob.Sha256;
                record.StoragePath = blob.Address;
            }

            record.Number = command.Number!.Trim();
            record.IssuedOn = ProgrammeRules.ParseDate(command.IssuedOn)!.Value;
            record.Summary = command.Summary!.Trim();
            record.RecordedBy = user.Email;
            record.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            record.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return DomainError.Conflict(Common.Versions.StaleCode, Stale);
            }

            return record.Id;
        }
    }
}
