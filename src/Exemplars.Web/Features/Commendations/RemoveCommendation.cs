using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Commendations;

/// <summary>A clerk removes a commendation recorded by mistake; one already promoted to a nomination stays (the dossier cites it).</summary>
public static class RemoveCommendation
{
    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<bool>> Handle(int id, Guid? version, CancellationToken cancellationToken)
        {
            if (!CommendationAccess.CanRecord(user))
            {
                return CommendationAccess.Forbidden;
            }

            var record = await CommendationAccess.Visible(db, user).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (record is null)
            {
                return DomainError.NotFound("Không tìm thấy khen thưởng.");
            }

            if (record.NominationId is not null)
            {
                return DomainError.Rule("commendation_promoted", "Khen thưởng này đã được dùng để lập hồ sơ đề nghị; không xóa được.");
            }

            const string stale = "Khen thưởng này vừa được người khác sửa. Hãy tải lại trang.";
            if (Common.Versions.Check(version, record.Version, stale) is { } refused)
            {
                return refused;
            }

            db.GrassrootsCommendations.Remove(record);
            return await Common.Versions.SaveAsync(db, stale, cancellationToken) is { } conflict ? conflict : true;
        }
    }
}
