using Exemplars.Domain.Common;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Discovery;

/// <summary>The bloc association returns a branch's record with the reason, for the branch to complete and send again.</summary>
public static class ReturnDiscovered
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<bool>> Handle(int id, string? reason, Guid? version, CancellationToken cancellationToken)
        {
            var record = await InboxRecord.FindAsync(db, user, id, cancellationToken);
            if (record is null)
            {
                return DomainError.NotFound("Không tìm thấy bản ghi chi đoàn, chi hội gửi lên.");
            }

            if ((DiscoveryRouting.CheckReturn(record.SendState, reason) ?? Common.Versions.Check(version, record.Version, DiscoveryAccess.StaleMessage)) is { } refused)
            {
                return refused;
            }

            record.Return(reason!);
            return await Common.Versions.SaveAsync(db, DiscoveryAccess.StaleMessage, cancellationToken) is { } conflict ? conflict : true;
        }
    }
}
