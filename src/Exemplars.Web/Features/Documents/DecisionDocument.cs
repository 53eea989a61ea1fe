using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>The editable DOCX of a registered Quyết định (with its list of awardees) or Tờ trình (with the list sent up).</summary>
public static class DecisionDocument
{
    public sealed class Handler(AppDbContext db, CurrentUser user, DocumentSettings settings)
    {
        public async Task<Result<(string FileName, byte[] Content)>> Handle(int decisionId, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem sổ quyết định.");
            }

            var decision = await db.Decisions.AsNoTracking().Include(d => d.Awards).SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
            if (decision is null)
            {
                return DomainError.NotFound("Không tìm thấy văn bản.");
            }

            var plan = decision.RoundId is { } roundId
                ? await db.Rounds.Where(r => r.Id == roundId).Join(db.Plans, r => r.PlanId, p => p.Id, (r, p) => new { p.Name, p.Basis }).SingleOrDefaultAsync(cancellationToken)
                : null;
            var listed = decision.Type == DocumentType.Decision
                ? decision.Awards.Select(a => (a.NominationId, a.RecipientName, a.AwardType)).ToList()
                : (await db.Nominations.Where(n => n.ForwardedInDecisionId == decision.Id).OrderBy(n => n.Kind).ThenBy(n => n.NomineeName)
                    .Select(n => new { n.Id, n.NomineeName }).ToListAsync(cancellationToken)).Select(n => ((int?)n.Id, n.NomineeName, "Đề nghị Ban Thường vụ Tỉnh ủy biểu dương, khen thưởng")).ToList();
            var nominationIds = listed.Where(l => l.Item1 is not null).Select(l => l.Item1!.Value).ToList();
            var units = await (from n in db.Nominations
                               join o in db.Organizations on n.OrganizationId equals o.Id
                               where nominationIds.Contains(n.Id)
                               select new { n.Id, n.Kind, Unit = o.Name }).ToDictionaryAsync(x => x.Id, cancellationToken);
            var rows = listed.Select((l, i) =>
            {
                var unit = l.Item1 is { } id && units.TryGetValue(id, out var u) ? u : null;
                return (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l.Item2, unit is null ? string.Empty : unit.Kind.Label(), unit?.Unit ?? string.Empty];
            }).ToList();

            var basis = plan is null ? [] : new List<string> { $"- Căn cứ {plan.Name};" };
            var isDecision = decision.Type == DocumentType.Decision;
            var model = new PartyDocumentModel(
                settings.BlocIssuer,
                decision.DocumentNumber,
                settings.Place,
                decision.Date,
                isDecision ? "QUYẾT ĐỊNH" : "TỜ TRÌNH",
                decision.Title,
                isDecision
                    ? ["BAN THƯỜNG VỤ " + settings.BlocName, "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", .. basis, "- Xét đề nghị của Ban Tuyên giáo - Dân vận Đảng ủy Khối,", "QUYẾT ĐỊNH:",
                        $"Điều 1. Tặng {decision.Awards.FirstOrDefault()?.AwardType ?? "Giấy khen"} cho {rows.Count} tập thể, cá nhân đã có thành tích tiêu biểu, xuất sắc (có danh sách kèm theo)."]
                    : ["Kính gửi: Ban Thường vụ Tỉnh ủy.", .. basis.Select(b => b.Replace("- Căn cứ", "Căn cứ", StringComparison.Ordinal)),
                        $"Ban Thường vụ Đảng ủy Khối đã tổ chức bỏ phiếu kín và thống nhất đề nghị Ban Thường vụ Tỉnh ủy xem xét biểu dương, khen thưởng {rows.Count} gương điển hình tiêu biểu (có danh sách kèm theo)."],
                ["STT", "Tập thể, cá nhân", "Đối tượng", "Đơn vị"],
                rows,
                isDecision
                    ? ["Điều 2. Quyết định có hiệu lực kể từ ngày ký.", "Điều 3. Văn phòng, Ban Tuyên giáo - Dân vận Đảng ủy Khối, các cấp ủy cơ sở và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."]
                    : ["Kính trình Ban Thường vụ Tỉnh ủy xem xét, quyết định."],
                "T/M BAN THƯỜNG VỤ",
                "PHÓ BÍ THƯ",
                decision.Signer,
                isDecision ? ["Như Điều 3,", "Ban Tuyên giáo Tỉnh ủy (b/c),", "Lưu VP, TGDV."] : ["Như trên,", "Thường trực Đảng ủy Khối,", "Lưu VP, TGDV."]);
            var fileName = $"{(isDecision ? "quyet-dinh" : "to-trinh")}-{decision.Number}-{decision.Year}.docx";
            return (fileName, PartyDocx.Write(model));
        }
    }
}
