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
            var guests = await CeremonyAccess.WholeListAsync(db, user, ceremonyId, cancellationToken);
            if (!guests.IsSuccess)
            {
                return Result<Stream>.Failure(guests.Errors);
            }

            return XlsxStreamWriter.Write(
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần", "Chỗ ngồi", "Có mặt", "Ký tên"],
                guests.Value.Select(g => (IReadOnlyList<object?>)[g.Order, g.Name, g.Position, g.Unit, g.Kind.Label(), g.Seat, g.Attended switch { true => "Có mặt", false => "Vắng", null => null }, null]),
                limits.MaxRows, "Điểm danh");
        }
    }
}
