using System.Globalization;
using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// The Giấy mời of a ceremony as one DOCX in the party's format, one invitation per guest, each on its own page: the
/// issuer (from data) top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right, "GIẤY MỜI", who is invited and to what, when,
/// where and at which seat, signed on behalf of the issuer's standing committee. Its number is left as a dotted blank
/// (a Giấy mời is not in the register; ADR 027). A clerk gets only the invitations of their own units' guests.
/// </summary>
public static class InvitationsDocument
{
    private static readonly string[] Weekdays = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, Issuers.IssuerDirectory.Handler issuers)
    {
        /// <param name="guestId">One guest's invitation only; null for every guest the caller may see.</param>
        public async Task<Result<(string FileName, byte[] Content)>> Handle(int ceremonyId, int? guestId, CancellationToken cancellationToken)
        {
            if (!CeremonyAccess.CanSee(user))
            {
                return CeremonyAccess.Forbidden;
            }

            var ceremony = await db.VisibleCeremonies(user).AsNoTracking().SingleOrDefaultAsync(c => c.Id == ceremonyId, cancellationToken);
            if (ceremony is null)
            {
                return CeremonyAccess.Missing;
            }

            var guests = await db.VisibleGuests(user).AsNoTracking().Where(g => g.CeremonyId == ceremonyId && (guestId == null || g.Id == guestId))
                .OrderBy(g => g.Order).ToListAsync(cancellationToken);
            if (guests.Count == 0)
            {
                return DomainError.NotFound("Không có giấy mời nào để in.");
            }

            var symbol = await db.Decisions.Where(d => d.Id == ceremony.DecisionId).Select(d => d.Issuer).SingleAsync(cancellationToken);
            var issuer = await issuers.BySymbol(symbol, cancellationToken);
            var today = VietnamTime.Today(clock);
            var issuedOn = today < ceremony.Date ? today : ceremony.Date.AddDays(-1);
            var signer = issuer.SignerOn(issuedOn);
            var names = OrganNames.Of(issuer);
            var models = guests.Select(g => Invitation(ceremony, g, issuer, names, issuedOn, signer)).ToList();
            var fileName = guests.Count == 1 ? $"giay-moi-{ceremony.Id}-{guests[0].Seat}.docx" : $"giay-moi-{ceremony.Id}.docx";
            return (fileName, PartyDocx.WriteMany(models));
        }
    }

    public static PartyDocumentModel Invitation(Ceremony ceremony, CeremonyGuest guest, Issuer issuer, OrganNames names, DateOnly issuedOn, IssuerOfficer? signer)
    {
        var heading = issuer.Heading;
        var body = new List<string> { $"{names.SigningOrgan} trân trọng kính mời:" };
        if (guest.Kind == GuestKind.CollectiveRepresentative)
        {
            body.Add($"Đại diện lãnh đạo: {guest.Name}" + (guest.Unit is { } unit ? $" ({unit})" : string.Empty));
        }
        else
        {
            body.Add($"Đồng chí: {guest.Name}");
            if (guest.Position is { Length: > 0 } position)
            {
                body.Add($"Chức vụ: {position}");
            }

            if (guest.Unit is { Length: > 0 } unit)
            {
                body.Add($"Đơn vị: {unit}");
            }
        }

        body.Add($"Đến dự {ceremony.Title}" + (ceremony.Occasion is { } occasion ? $", nhân dịp {LowerFirst(occasion)}." : "."));
        body.Add($"Thời gian: {When(ceremony.Date, ceremony.StartsAt)}.");
        body.Add($"Địa điểm: {ceremony.Place}.");
        body.Add($"Chỗ ngồi: {guest.Seat}.");
        var closing = new List<string>();
        if (guest.Kind == GuestKind.Individual)
        {
            closing.Add("Đồng chí là cá nhân được khen thưởng, trực tiếp nhận khen thưởng tại buổi lễ; đề nghị đồng chí có mặt trước giờ khai mạc 30 phút để Ban Tổ chức hướng dẫn.");
        }
        else if (guest.Kind == GuestKind.CollectiveRepresentative)
        {
            closing.Add("Đề nghị đơn vị cử đồng chí lãnh đạo đại diện tập thể được khen thưởng lên nhận khen thưởng, có mặt trước giờ khai mạc 30 phút để Ban Tổ chức hướng dẫn.");
        }

        closing.Add("Rất mong đồng chí đến dự đúng giờ./.");
        return new PartyDocumentModel(
            heading.Lines, "......-GM/" + heading.Symbol, issuer.Place, issuedOn, "GIẤY MỜI", null, body, null, null, closing,
            heading.OnBehalf, signer?.Position ?? string.Empty, signer?.FullName ?? string.Empty, ["Như trên,", "Lưu Văn phòng."]);
    }

    /// <summary>"08 giờ 00, thứ Hai, ngày 19/5/2025".</summary>
    public static string When(DateOnly date, TimeOnly time) =>
        $"{time.Hour.ToString("00", CultureInfo.InvariantCulture)} giờ {time.Minute.ToString("00", CultureInfo.InvariantCulture)}, {Weekdays[(int)date.DayOfWeek]}, ngày {PartyDate.Numeric(date)}";

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..] : text;
}
