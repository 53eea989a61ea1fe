using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// The bloc's aggregated report for one period (báo cáo tổng hợp): a party-format DOCX with the totals, which units sent,
/// which did not, and the three narrative sections (drafted from the units' reports, edited by the secretariat, frozen
/// when issued with the register's number); and an XLSX with one row per unit and a total row.
/// </summary>
public static class BlocReportDocuments
{
    public sealed class Handler(ReportTracker.Handler tracker, AppDbContext db, Issuers.IssuerDirectory.Handler issuers, TimeProvider clock, Discovery.DiscoveryByAssociation.Handler associations)
    {
        public async Task<Result<(string FileName, byte[] Content)>> Docx(int periodId, CancellationToken cancellationToken)
        {
            var all = await tracker.All(periodId, cancellationToken);
            if (!all.IsSuccess)
            {
                return Result<(string, byte[])>.Failure(all.Errors);
            }

            var (period, rows) = all.Value;
            var summary = ReportTracker.Handler.Summarise(rows);
            var issuer = await issuers.Default(cancellationToken);
            var stored = await db.Set<BlocReport>().AsNoTracking().SingleOrDefaultAsync(r => r.ReportingPeriodId == periodId, cancellationToken);
            var entry = stored?.DecisionId is { } entryId ? await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == entryId, cancellationToken) : null;

            // Issued: the register's number, date and signer, and the frozen text. A draft: dots for the number, today, the officer in office.
            var date = entry?.Date ?? VietnamTime.Today(clock);
            var signerName = entry?.Signer ?? issuer.SignerOn(date)?.FullName;
            var position = signerName is null ? string.Empty : Issuers.IssuerDirectory.PositionOf(issuer, signerName, date);
            var sections = stored is null
                ? BlocReportDraft.Compose(rows, await associations.Handle(period.From, period.To, cancellationToken))
                : new BlocReportDraft.Sections(stored.ResultsHtml, stored.LimitationsHtml, stored.DirectionsHtml);
            var planName = await db.Plans.Where(p => p.Id == period.PlanId).Select(p => p.Name).SingleAsync(cancellationToken);
            var sent = summary.OnTime + summary.Late;
            var body = new List<string>
            {
                $"Thực hiện {planName}, {issuer.OrganName} tổng hợp kết quả {period.Label} (số liệu từ ngày {VietnamTime.Format(period.From)} đến ngày {VietnamTime.Format(period.To)}) như sau:",
                $"1. Tình hình gửi báo cáo: toàn đảng bộ có {N(summary.Units)} tổ chức cơ sở đảng; {N(sent)} đơn vị đã gửi báo cáo ({N(summary.OnTime)} đúng hạn, {N(summary.Late)} trễ hạn); {N(summary.Missing)} đơn vị chưa gửi báo cáo" +
                    (summary.Waiting > 0 ? $"; {N(summary.Waiting)} đơn vị chưa đến hạn gửi." : "."),
                "2. Kết quả phát hiện, bồi dưỡng, khen thưởng và nhân rộng gương điển hình (tổng hợp từ báo cáo của các đơn vị đã gửi):",
            };
            var totals = summary.Totals.Values;
            var table = ReportFigures.Headings.Select((heading, i) => (IReadOnlyList<string>)[N(i + 1), heading, N(totals[i])]).ToList();
            var after = new List<string>();
            var missing = rows.Where(r => r.State == DeadlineState.Missing).Select(r => r.Name).ToList();
            if (missing.Count > 0)
            {
                after.Add($"Các đơn vị chưa gửi báo cáo: {string.Join("; ", missing)}.");
            }

            var model = new PartyDocumentModel(
                issuer.Heading.Lines,
                entry?.DocumentNumber ?? "......-BC/" + issuer.Symbol,
                issuer.Place,
                date,
                "BÁO CÁO",
                $"Kết quả xây dựng, tuyên dương, nhân rộng gương tập thể, cá nhân điển hình tiêu biểu {period.Label}",
                body,
                ["STT", "Nội dung", "Số lượng"],
                table,
                after,
                issuer.Heading.OnBehalf,
                position,
                signerName ?? "...........................",
                issuer.ReportRecipientList,
                Sections:
                [
                    new DocumentSection("3. Kết quả đạt được", sections.ResultsHtml),
                    new DocumentSection("4. Hạn chế và nguyên nhân", sections.LimitationsHtml),
                    new DocumentSection("5. Phương hướng, nhiệm vụ thời gian tới", sections.DirectionsHtml),
                ]);
            return ($"bao-cao-tong-hop-{FileSuffix(period)}.docx", PartyDocx.Write(model));
        }

        public async Task<Result<(string FileName, byte[] Content)>> Xlsx(int periodId, CancellationToken cancellationToken)
        {
            var all = await tracker.All(periodId, cancellationToken);
            if (!all.IsSuccess)
            {
                return Result<(string, byte[])>.Failure(all.Errors);
            }

            var (period, rows) = all.Value;
            var summary = ReportTracker.Handler.Summarise(rows);
            IReadOnlyList<string> headers = ["STT", "Mã đơn vị", "Tổ chức cơ sở đảng", "Tình trạng", "Ngày gửi", .. ReportFigures.Headings, "Nội dung báo cáo"];
            var lines = rows.Select((r, i) => (IReadOnlyList<object?>)
            [
                i + 1, r.Code, r.Name, r.State.Label(), r.SubmittedAtUtc is { } at ? VietnamTime.Format(at) : null,
                .. (r.Figures?.Values.Select(v => (object?)v) ?? ReportFigures.Headings.Select(_ => (object?)null)),
                r.Narrative,
            ]).ToList();
            lines.Add([null, null, $"Tổng cộng ({summary.OnTime + summary.Late}/{summary.Units} đơn vị đã gửi)", null, null, .. summary.Totals.Values.Select(v => (object?)v), null]);
            return ($"bao-cao-tong-hop-{FileSuffix(period)}.xlsx", Spreadsheet.Write(headers, lines, "Tổng hợp"));
        }
    }

    private static string FileSuffix(ReportingPeriod period) => (period.Kind == ReportPeriodKind.HalfYear ? "6-thang-" : "nam-") + period.Year.ToString(CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

}
