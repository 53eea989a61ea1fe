using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// Grassroots documents of a nomination, issued by the unit's committee under the đảng bộ it belongs to: the
/// achievement report (Báo cáo thành tích for commendation by theme — "theo chuyên đề" — of Nghị định 152/2025/NĐ-CP,
/// which replaced Nghị định 98/2023 on 01/7/2025; headings not yet checked against the gazetted form, see
/// docs/documents/README.md; with the detailed report's own formatting) and the review-meeting minutes template.
/// </summary>
public static class NominationDocuments
{
    public sealed class Handler(GetNomination.Handler get, AppDbContext db, Issuers.IssuerDirectory.Handler issuers, TimeProvider clock)
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
            var bloc = await issuers.Default(cancellationToken);
            var issuer = await Issuer(n.OrganizationId, d.OrganizationName, bloc.PartyName, cancellationToken);
            var category = await CategoryTitle(n.RoundId, n.CategoryCode, cancellationToken);
            var who = n.Kind == NomineeKind.Individual
                ? await db.People.Where(p => p.Id == n.PersonId).Select(p => p.Position).SingleOrDefaultAsync(cancellationToken) is { Length: > 0 } position
                    ? $"Đồng chí {n.NomineeName}, {position}, {d.OrganizationName}"
                    : $"Đồng chí {n.NomineeName}, {d.OrganizationName}"
                : n.NomineeName;
            var body = new List<string>
            {
                $"Đề nghị biểu dương, khen thưởng: {who}.",
                $"Chuyên đề: gương điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, đợt {d.RoundCode}; mục {n.CategoryCode} {category}.".Replace(" ;", ";", StringComparison.Ordinal),
                "I. THÔNG TIN CHUNG",
                n.Kind == NomineeKind.Individual
                    ? $"Họ và tên: {n.NomineeName}; chức vụ, đơn vị công tác: {who.Replace($"Đồng chí {n.NomineeName}, ", string.Empty, StringComparison.Ordinal)}."
                    : $"Tên tập thể: {n.NomineeName}; thuộc {d.OrganizationName}.",
                "II. THÀNH TÍCH ĐẠT ĐƯỢC",
                "1. Tóm tắt thành tích theo chuyên đề",
                n.Summary ?? "(chưa ghi)",
                "2. Thành tích theo từng năm",
                n.AchievementsByYear ?? "(chưa ghi)",
                "3. Sáng kiến, giải pháp, mô hình hay",
                n.Initiatives ?? "(chưa ghi)",
                "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN",
                n.CommendationsReceived ?? "(chưa ghi)",
            };
            if (!string.IsNullOrWhiteSpace(n.ReportHtml))
            {
                body.Add("IV. BÁO CÁO CHI TIẾT");
            }

            // A sent report is dated the day it was sent (the unit signed it then); a draft, today.
            var dated = n.SubmittedAtUtc is { } sent && !Domain.Nominations.NominationStateMachine.IsEditable(n.Status) ? VietnamTime.DayOf(sent) : VietnamTime.Today(clock);
            var model = new PartyDocumentModel(
                issuer.Lines, "......-BC/" + issuer.Symbol, bloc.Place, dated,
                "BÁO CÁO THÀNH TÍCH", $"đề nghị biểu dương, khen thưởng gương điển hình tiêu biểu theo chuyên đề, đợt {d.RoundCode}",
                body, null, null, [], issuer.OnBehalf, "BÍ THƯ", "...........................",
                [bloc.AdvisingBoard + " (để tổng hợp),", "Lưu."], null, n.ReportHtml);
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
            var bloc = await issuers.Default(cancellationToken);
            var issuer = await Issuer(n.OrganizationId, d.OrganizationName, bloc.PartyName, cancellationToken);
            var model = new PartyDocumentModel(
                issuer.Lines, "......-BB/" + issuer.Symbol, bloc.Place, VietnamTime.Today(clock),
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
                issuer.OnBehalf, "BÍ THƯ", "...........................", [bloc.AdvisingBoard + ",", "Lưu."]);
            return ($"bien-ban-binh-xet-{n.Id}.docx", PartyDocx.Write(model));
        }

        /// <summary>The unit's committee under the đảng bộ its organisation belongs to (the parent in the organisation tree).</summary>
        private async Task<IssuerHeading> Issuer(int organizationId, string organizationName, string partyName, CancellationToken cancellationToken)
        {
            var parent = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Parent!.Name).SingleOrDefaultAsync(cancellationToken);
            return GrassrootsIssuer.For(organizationName, parent ?? partyName);
        }

        private async Task<string> CategoryTitle(int roundId, string code, CancellationToken cancellationToken) =>
            await db.Rounds.Where(r => r.Id == roundId).Join(db.Categories, r => r.PlanId, c => c.PlanId, (r, c) => c)
                .Where(c => c.Code == code).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
    }
}
