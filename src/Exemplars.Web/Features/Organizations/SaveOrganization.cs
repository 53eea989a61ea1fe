using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>Create an organisation, or edit one (when an id is given). Admin only.</summary>
public static class SaveOrganization
{
    public sealed record Command(
        string Code,
        string Name,
        OrganizationKind Kind,
        HostUnitType? HostUnitType,
        string? ParentCode,
        string? Address,
        Guid? Version = null);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<int>> Create(Command command, CancellationToken cancellationToken)
        {
            var draft = ToDraft(command);
            var parent = await FindParent(draft.ParentCode, cancellationToken);
            if (parent.Error is { } parentError)
            {
                return parentError;
            }

            var code = draft.Code.Trim().ToUpperInvariant();
            if (await db.Organizations.AnyAsync(o => o.Code == code, cancellationToken))
            {
                return DomainError.Invalid(nameof(Command.Code), $"Mã tổ chức {code} đã tồn tại.");
            }

            var created = Organization.Create(draft, parent.Organization);
            if (!created.IsSuccess)
            {
                return Result<int>.Failure(created.Errors);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Organizations.Add(created.Value);
            await db.SaveChangesAsync(cancellationToken);
            created.Value.AssignPath();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created.Value.Id;
        }

        public async Task<Result<int>> Update(int id, Command command, CancellationToken cancellationToken)
        {
            var organization = await db.Organizations.InScopeOf(user).Include(o => o.Parent).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (organization is null)
            {
                return DomainError.NotFound("Không tìm thấy tổ chức.");
            }

            if (Common.Versions.Check(command.Version, organization.Version, "Tổ chức vừa được người khác sửa. Hãy tải lại trang và sửa lại.") is { } refused)
            {
                return refused;
            }

            var draft = ToDraft(command);
            var parent = await FindParent(draft.ParentCode, cancellationToken);
            if (parent.Error is { } parentError)
            {
                return parentError;
            }

            var code = draft.Code.Trim().ToUpperInvariant();
            if (await db.Organizations.AnyAsync(o => o.Code == code && o.Id != id, cancellationToken))
            {
                return DomainError.Invalid(nameof(Command.Code), $"Mã tổ chức {code} đã tồn tại.");
            }

            var oldPath = organization.Path;
            var errors = organization.Update(draft, parent.Organization);
            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            organization.AssignPath();
            if (organization.Path != oldPath)
            {
                await RebaseDescendants(oldPath, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Tổ chức vừa được người khác sửa. Hãy tải lại trang và sửa lại.");
            }

            await transaction.CommitAsync(cancellationToken);
            return organization.Id;
        }

        /// <summary>A move changes the path of every descendant; they are loaded by path prefix and re-derived parent-first.</summary>
        private async Task RebaseDescendants(string oldPath, CancellationToken cancellationToken)
        {
            var descendants = await db.Organizations.Include(o => o.Parent)
                .Where(o => o.Path.StartsWith(oldPath) && o.Path != oldPath)
                .ToListAsync(cancellationToken);
            foreach (var descendant in descendants.OrderBy(o => o.Path.Length))
            {
                descendant.AssignPath();
            }
        }

        private async Task<(Organization? Organization, DomainError? Error)> FindParent(string? parentCode, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(parentCode))
            {
                return (null, null);
            }

            var code = parentCode.Trim().ToUpperInvariant();
            var parent = await db.Organizations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
            return parent is null
                ? (null, DomainError.Invalid(nameof(Command.ParentCode), $"Không có tổ chức cấp trên mã {code}."))
                : (parent, null);
        }

        private static OrganizationDraft ToDraft(Command c) =>
            new(c.Code ?? string.Empty, c.Name ?? string.Empty, c.Kind, c.HostUnitType, c.ParentCode, c.Address);
    }
}
