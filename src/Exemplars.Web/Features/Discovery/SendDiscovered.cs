using Exemplars.Domain.Common;
using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Discovery;

/// <summary>A Youth Union or Veterans' branch sends a record up to its bloc association (plan IV.2).</summary>
public static class SendDiscovered
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        /// <param name="achievements">When given, replaces the achievements first: what a returned record was missing.</param>
        public async Task<Result<bool>> Handle(int id, string? achievements, Guid? version, CancellationToken cancellationToken)
        {
            var found = await (from d in db.DiscoveredExemplars
                               join o in db.Organizations.InScopeOf(user) on d.OrganizationId equals o.Id
                               where d.Id == id
                               select new { Record = d, o.Kind, o.Path }).SingleOrDefaultAsync(cancellationToken);
            if (found is null || !user.IsInRole(Roles.MassOrganisationClerk))
            {
                return DomainError.NotFound("Không tìm thấy bản ghi.");
            }

            var record = found.Record;
            if ((DiscoveryRouting.CheckSend(found.Kind, record.SendState) ?? Common.Versions.Check(version, record.Version, DiscoveryAccess.StaleMessage)) is { } refused)
            {
                return refused;
            }

            if (achievements is not null && (string.IsNullOrWhiteSpace(achievements) || achievements.Trim().Length > 4000))
            {
                return DomainError.Invalid("Achievements", "Hãy ghi thành tích nổi bật đã phát hiện (tối đa 4000 ký tự).");
            }

            var blocKind = DiscoveryRouting.BlocKind(DiscoveryRouting.AssociationOf(found.Kind)!.Value);
            var bloc = UserScopeRules.BlocPrefix(found.Path);
            var associationId = await db.Organizations.Where(o => o.Kind == blocKind && o.IsActive && o.Path.StartsWith(bloc))
                .OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
            if (associationId is null)
            {
                return new DomainError(ErrorKind.Conflict, "no_association",
                    $"Khối chưa có tổ chức {Domain.Organizations.OrganizationLabels.Label(blocKind)} đang hoạt động để nhận. Hãy báo quản trị hệ thống thêm tổ chức này.");
            }

            if (achievements is not null)
            {
                record.Achievements = achievements.Trim();
            }

            record.Send(associationId.Value, clock.GetUtcNow().UtcDateTime);
            return await Common.Versions.SaveAsync(db, DiscoveryAccess.StaleMessage, cancellationToken) is { } conflict ? conflict : true;
        }
    }
}
