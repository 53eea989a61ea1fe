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
/// which did not, and what they wrote; and an XLSX with one row per unit and a total row.
/// </summary>
public static class BlocReportDocuments
{
    private const int NarrativeExcerpt = 600;

    public sealed class Handler(ReportTracker.Handler tracker, AppDbContext db, Issuers.IssuerDirectory.Handler issuers, TimeProvider clock)
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
            var today = VietnamTime.Today(clock);
            var signer = issuer.SignerOn(today);
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
                after.Add($"3. Các đơn vị chưa gửi báo cáo: {string.Join("; ", missing)}.");
            }

            var narratives = rows.Where(r => !string.IsNullOrWhiteSpace(r.Narrative)).ToList();
            if (narratives.Count > 0)
            {
                after.Add($"{(missing.Count > 0 ? 4 : 3)}. Nội dung báo cáo của các đơn vị (trích):");
                after.AddRange(narratives.Select(r => $"- {r.Name}: {Excerpt(r.Narrative!)}"));
            }

            var model = new PartyDocumentModel(
                issuer.Heading.Lines,
                "......-BC/" + issuer.Symbol,
                issuer.Place,
                today,
                "BÁO CÁO",
                $"Kết quả xây dựng, tuyên dương, nhân rộng gương tập thể, cá nhân điển hình tiêu biểu {period.Label}",
                body,
                ["STT", "Nội dung", "Số lượng"],
                table,
                after,
                issuer.Heading.OnBehalf,
                signer?.Position ?? string.Empty,
                signer?.FullName ?? "...........................",
                issuer.ReportRecipientList);
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

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= NarrativeExcerpt ? flat : flat[..NarrativeExcerpt].TrimEnd() + "…";
    }
}
