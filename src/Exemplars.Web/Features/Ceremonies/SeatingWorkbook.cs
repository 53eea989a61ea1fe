using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>The seating plan by seat (rows A, B, … then the guests' block "KM"), for the ushers; formula-safe XLSX.</summary>
public static class SeatingWorkbook
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

            // Rows in order A, B, …, AA (length then letters), the guests' block last; seats by number.
            var seated = guests.Value
                .Select(g => (Guest: g, Seat: SeatingPlan.Split(g.Seat)))
                .Select(x => (x.Guest, x.Seat.Row, x.Seat.Number))
                .OrderBy(x => x.Row == SeatingPlan.GuestBlock ? 1 : 0).ThenBy(x => x.Row.Length).ThenBy(x => x.Row, StringComparer.Ordinal).ThenBy(x => x.Number);
            return XlsxStreamWriter.Write(
                ["Khu vực", "Hàng", "Ghế", "Chỗ ngồi", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần"],
                seated.Select(x => (IReadOnlyList<object?>)[
                    x.Row == SeatingPlan.GuestBlock ? "Khu đại biểu, khách mời" : x.Guest.Kind.IsAwardee() ? "Khu tập thể, cá nhân được khen thưởng" : "Khu lãnh đạo đơn vị",
                    x.Row == SeatingPlan.GuestBlock ? null : x.Row, x.Number, x.Guest.Seat, x.Guest.Name, x.Guest.Position, x.Guest.Unit, x.Guest.Kind.Label()]),
                limits.MaxRows, "Sơ đồ chỗ ngồi");
        }
    }
}
