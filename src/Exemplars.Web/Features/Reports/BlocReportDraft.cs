using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Exemplars.Domain.Reports;

namespace Exemplars.Web.Features.Reports;

/// <summary>
/// The first draft of the bloc report's three narrative sections, written from what the units sent: the figures and who
/// reported give the opening of each section; each unit's narrative is split into sentences, and a sentence about
/// difficulties or shortcomings goes to "hạn chế", one about proposals or the period ahead to "phương hướng", the rest to
/// "kết quả", under the unit's name. The secretariat edits the draft before issuing.
/// </summary>
public static partial class BlocReportDraft
{
    private const int PerUnit = 700;

    public sealed record Sections(string ResultsHtml, string LimitationsHtml, string DirectionsHtml);

    public static Sections Compose(IReadOnlyList<ReportTracker.Row> rows, IReadOnlyList<Discovery.DiscoveryByAssociation.Tally>? associations = null)
    {
        var summary = ReportTracker.Handler.Summarise(rows);
        var sent = summary.OnTime + summary.Late;
        var results = new StringBuilder();
        var limitations = new StringBuilder();
        var directions = new StringBuilder();

        var totals = summary.Totals.Values;
        var figures = ReportFigures.Headings.Select((h, i) => (h, v: totals[i])).Where(x => x.v > 0).Select(x => $"{x.h.ToLowerInvariant()}: {N(x.v)}").ToList();
        results.Append(P($"{N(sent)}/{N(summary.Units)} tổ chức cơ sở đảng đã gửi báo cáo ({N(summary.OnTime)} đúng hạn, {N(summary.Late)} trễ hạn)." +
            (figures.Count > 0 ? $" Kết quả tổng hợp: {string.Join("; ", figures)}." : " Chưa có số liệu về phát hiện, bồi dưỡng, khen thưởng gương điển hình trong kỳ.")));

        var planned = rows.Count(r => r.HasImplementationPlan);
        results.Append(P($"{N(planned)}/{N(summary.Units)} tổ chức cơ sở đảng đã ban hành kế hoạch thực hiện."));
        var unplanned = rows.Where(r => !r.HasImplementationPlan).Select(r => r.Name).ToList();
        if (unplanned.Count > 0)
        {
            limitations.Append(P($"{N(unplanned.Count)} tổ chức cơ sở đảng chưa ban hành kế hoạch thực hiện ({string.Join("; ", unplanned.Take(10))}{(unplanned.Count > 10 ? "; …" : string.Empty)})."));
        }

        foreach (var a in (associations ?? []).Where(a => a.Branches + a.Sent + a.Forwarded > 0))
        {
            results.Append(P($"{a.Label}: {N(a.Branches)} chi đoàn, chi hội ở các tổ chức cơ sở đảng; trong kỳ các chi gửi lên {N(a.Sent)} gương phát hiện, " +
                $"{a.Label} cấp trên cơ sở đã chuyển Ban Tuyên giáo – Dân vận {N(a.Forwarded)} gương ({N(a.ForwardedNurtured)} đang được bồi dưỡng)" +
                (a.Waiting > 0 ? $", còn {N(a.Waiting)} gương đang chờ xem xét." : ".")));
        }

        var missing = rows.Where(r => r.State == Domain.Common.DeadlineState.Missing).Select(r => r.Name).ToList();
        var lateUnits = rows.Where(r => r.State == Domain.Common.DeadlineState.Late).Select(r => r.Name).ToList();
        if (missing.Count + lateUnits.Count > 0)
        {
            limitations.Append(P(string.Join(" ", new[]
            {
                missing.Count > 0 ? $"{N(missing.Count)} đơn vị chưa gửi báo cáo ({string.Join("; ", missing.Take(10))}{(missing.Count > 10 ? "; …" : string.Empty)})." : null,
                lateUnits.Count > 0 ? $"{N(lateUnits.Count)} đơn vị gửi báo cáo trễ hạn." : null,
            }.Where(s => s is not null))));
        }

        directions.Append(P("Tiếp tục phát hiện, bồi dưỡng, biểu dương, khen thưởng và nhân rộng gương tập thể, cá nhân điển hình tiêu biểu; " +
            (missing.Count > 0 ? "đôn đốc các đơn vị chưa báo cáo hoàn thành trong kỳ tới." : "duy trì nền nếp báo cáo đúng hạn.")));

        var (unitResults, unitLimitations, unitDirections) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var row in rows.Where(r => !string.IsNullOrWhiteSpace(r.Narrative)))
        {
            var (good, bad, ahead) = (new List<string>(), new List<string>(), new List<string>());
            foreach (var sentence in Sentences(row.Narrative!))
            {
                (IsLimitation(sentence) ? bad : IsDirection(sentence) ? ahead : good).Add(sentence);
            }

            Add(unitResults, row.Name, good);
            Add(unitLimitations, row.Name, bad);
            Add(unitDirections, row.Name, ahead);
        }

        if (unitResults.Count > 0)
        {
            results.Append(P("Kết quả nổi bật của các đơn vị:")).Append(List(unitResults));
        }

        if (unitLimitations.Count > 0)
        {
            limitations.Append(P("Hạn chế, khó khăn các đơn vị nêu:")).Append(List(unitLimitations));
        }

        if (limitations.Length == 0)
        {
            limitations.Append(P("Việc phát hiện, bồi dưỡng gương điển hình ở một số đơn vị chưa thường xuyên (bổ sung theo thực tế)."));
        }

        limitations.Append(P("Nguyên nhân: (bổ sung nguyên nhân khách quan, chủ quan)."));
        if (unitDirections.Count > 0)
        {
            directions.Append(P("Đề xuất, kiến nghị của các đơn vị:")).Append(List(unitDirections));
        }

        return new Sections(results.ToString(), limitations.ToString(), directions.ToString());
    }

    /// <summary>The sentences of a plain-text narrative, trimmed, without empty ones.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim().TrimStart('-', '–', '•', '+', '*').Trim()).Where(s => s.Length > 1).ToList();

    private static bool IsLimitation(string sentence) => LimitationWords().IsMatch(sentence);

    private static bool IsDirection(string sentence) => DirectionWords().IsMatch(sentence);

    private static void Add(List<string> items, string unit, List<string> sentences)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        var text = string.Join(" ", sentences.Select(s => s.EndsWith('.') || s.EndsWith('!') || s.EndsWith('?') || s.EndsWith(';') ? s : s + "."));
        if (text.Length > PerUnit)
        {
            text = text[..PerUnit].TrimEnd() + "…";
        }

        items.Add($"<strong>{Encode(unit)}</strong>: {Encode(text)}");
    }

    private static string P(string text) => "<p>" + Encode(text) + "</p>";

    private static string List(List<string> items) => "<ul>" + string.Concat(items.Select(i => "<li>" + i + "</li>")) + "</ul>";

    /// <summary>Escapes markup only: Vietnamese letters stay as they are, readable in the stored HTML and the editor.</summary>
    private static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<=[.!?;])\s+|[\r\n]+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(hạn chế|khó khăn|tồn tại|vướng mắc|yếu kém|nguyên nhân|chưa)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LimitationWords();

    [GeneratedRegex(@"\b(đề xuất|kiến nghị|đề nghị|phương hướng|thời gian tới|kỳ tới|năm tới|sắp tới|nhiệm vụ|sẽ)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectionWords();
}
