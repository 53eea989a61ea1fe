using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>The attendance list (danh sách đại biểu) for the welcome desk: every guest in list order with a column to sign; formula-safe XLSX.</summary>
public static class AttendanceWorkbook
{
    public sealed class Handler(AppDbContext db, CurrentUser user, ExportLimits limits)
    {
        public async Task<Result<Stream>> Handle(int ceremonyId, CancellationToken cancellationToken)
        {
            if (!CeremonyAccess.SeesAll(user))
            {
                return CeremonyAccess.CanSee(user) ? CeremonyAccess.NotManager : CeremonyAccess.Forbidden;
            }

            if (!await db.Set<Ceremony>().AnyAsync(c => c.Id == ceremonyId, cancellationToken))
            {
                return CeremonyAccess.Missing;
            }

            var guests = await db.Set<CeremonyGuest>().AsNoTracking().Where(g => g.CeremonyId == ceremonyId).OrderBy(g => g.Order).ToListAsync(cancellationToken);
            return XlsxStreamWriter.Write(
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần", "Chỗ ngồi", "Có mặt", "Ký tên"],
                guests.Select(g => (IReadOnlyList<object?>)[g.Order, g.Name, g.Position, g.Unit, g.Kind.Label(), g.Seat, g.Attended switch { true => "Có mặt", false => "Vắng", null => null }, null]),
                limits.MaxRows, "Điểm danh");
        }
    }
}
