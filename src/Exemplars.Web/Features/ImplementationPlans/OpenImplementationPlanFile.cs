using Exemplars.Domain.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.ImplementationPlans;

/// <summary>The signed file of an implementation plan: for its own unit's clerk and for those who track units in scope.</summary>
public static class OpenImplementationPlanFile
{
    public sealed record Download(Stream Content, string ContentType, string FileName);

    public sealed class Handler(AppDbContext db, CurrentUser user, IFileStore storage)
    {
        public async Task<Result<Download>> Handle(int id, CancellationToken cancellationToken)
        {
            var visible = ImplementationPlanAccess.CanTrack(user)
                ? db.ImplementationPlans.Where(p => db.Organizations.InScopeOf(user).Any(o => o.Id == p.OrganizationId))
                : ImplementationPlanAccess.CanRecord(user) ? db.ImplementationPlans.Where(p => p.OrganizationId == user.OrganizationId) : db.ImplementationPlans.Where(_ => false);
            var file = await visible.AsNoTracking().Where(p => p.Id == id && p.StoragePath != null)
                .Select(p => new { p.StoragePath, p.ContentType, p.FileName }).SingleOrDefaultAsync(cancellationToken);
            if (file is null || !storage.Exists(file.StoragePath!))
            {
                return DomainError.NotFound("Không tìm thấy tệp kế hoạch.");
            }

            return new Download(storage.Open(file.StoragePath!), file.ContentType!, file.FileName!);
        }
    }
}
