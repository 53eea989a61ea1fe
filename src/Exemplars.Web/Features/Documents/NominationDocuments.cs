using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>A nominee's achievement report (Báo cáo thành tích) from the dossier, and the grassroots review-meeting minutes template.</summary>
public static class NominationDocuments
{
    public sealed class Handler(GetNomination.Handler get, AppDbContext db, DocumentSettings settings, TimeProvider clock)
    {
        public async Task<Result<(string FileName, byte[] Content)>> Report(int nominationId, CancellationToken cancellationToken)
        {
            var found = await get.Handle(nominationId, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<(string, byte[])>.Failure(found.Errors);
            }

            var d = found.Value;
            var n = d.Nomination;
            var category = await CategoryTitle(n.RoundId, n.CategoryCode, cancellationToken);
            var body = new List<string>
            {
                $"Đối tượng: {n.Kind.Label().ToLowerInvariant()} – mục {n.CategoryCode} {category}.",
                "I. TÓM TẮT THÀNH TÍCH",
                n.Summary ?? "(chưa ghi)",
                "II. THÀNH TÍCH THEO TỪNG NĂM",
                n.AchievementsByYear ?? "(chưa ghi)",
                "III. SÁNG KIẾN, GIẢI PHÁP",
                n.Initiatives ?? "(chưa ghi)",
                "IV. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN",
                n.CommendationsReceived ?? "(chưa ghi)",
            };
            var model = new PartyDocumentModel(
                ["ĐẢNG ỦY KHỐI", d.OrganizationName.ToUpperInvariant(), "*"], "......", settings.Place, VietnamTime.Today(clock),
                "BÁO CÁO THÀNH TÍCH", $"Đề nghị biểu dương, khen thưởng {n.NomineeName} – gương điển hình tiêu biểu đợt {d.RoundCode}",
                body, null, null, [], "T/M CẤP ỦY", "BÍ THƯ", "...........................", ["Ban Tuyên giáo - Dân vận Đảng ủy Khối,", "Lưu."]);
            return ($"bao-cao-thanh-tich-{n.Id}.docx", PartyDocx.Write(model));
        }

        public async Task<Result<(string FileName, byte[] Content)>> MinutesTemplate(int nominationId, CancellationToken cancellationToken)
        {
            var found = await get.Handle(nominationId, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<(string, byte[])>.Failure(found.Errors);
            }

            var d = found.Value;
            var n = d.Nomination;
            var model = new PartyDocumentModel(
                ["ĐẢNG ỦY KHỐI", d.OrganizationName.ToUpperInvariant(), "*"], "......-BB", settings.Place, VietnamTime.Today(clock),
                "BIÊN BẢN", $"Họp bình xét, đề nghị biểu dương gương điển hình tiêu biểu đợt {d.RoundCode}",
                [
                    "Thời gian: ..... giờ ..... ngày ..... tháng ..... năm ..........",
                    $"Địa điểm: {d.OrganizationName}.",
                    "Tổng số thành viên: ..........; có mặt: ..........; vắng mặt: .......... (lý do: ..........).",
                    "Chủ trì: ....................................; thư ký: ....................................",
                    $"Nội dung: bình xét, đề nghị {n.NomineeName} ({n.Kind.Label().ToLowerInvariant()}, mục {n.CategoryCode}) là gương điển hình tiêu biểu.",
                    "Kết quả biểu quyết: đồng ý ..........; không đồng ý ..........; không biểu quyết ..........",
                ],
                null, null,
                ["Biên bản kết thúc lúc ..... giờ ..... cùng ngày, đã thông qua trước cuộc họp."],
                "CHỦ TRÌ", " ", "...........................", ["Ban Tuyên giáo - Dân vận Đảng ủy Khối,", "Lưu."]);
            return ($"bien-ban-binh-xet-{n.Id}.docx", PartyDocx.Write(model));
        }

        private async Task<string> CategoryTitle(int roundId, string code, CancellationToken cancellationToken) =>
            await db.Rounds.Where(r => r.Id == roundId).Join(db.Categories, r => r.PlanId, c => c.PlanId, (r, c) => c)
                .Where(c => c.Code == code).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
    }
}
