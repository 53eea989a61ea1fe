using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The frozen content of one submission, and what changed between two of them.</summary>
public sealed record Snapshot(
    string NomineeName,
    string CategoryCode,
    string? Summary,
    string? AchievementsByYear,
    string? Initiatives,
    string? CommendationsReceived,
    string? ReportHtml,
    MeetingMinutes? Minutes,
    bool FamilyLawAttested,
    string? IndeterminateExplanation,
    IReadOnlyList<string> Evidence,
    string Verdict)
{
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static Snapshot Of(Nomination n, EligibilityResult eligibility) => new(
        n.NomineeName, n.CategoryCode, n.Summary, n.AchievementsByYear, n.Initiatives, n.CommendationsReceived, n.ReportHtml, n.Minutes,
        n.FamilyLawAttested, n.IndeterminateExplanation,
        n.Evidence.OrderBy(e => e.CriterionCode).ThenBy(e => e.FileName).Select(e => $"{e.CriterionCode ?? "chung"}: {e.FileName} ({e.Sha256[..12]})").ToList(),
        eligibility.Verdict.ToString());

    /// <summary>The exact bytes this submission sends, one row per evidence file, so they stay with the version for good.</summary>
    public static IEnumerable<SentFile> SentFiles(Nomination n, NominationVersion version) =>
        n.Evidence.Select(e => new SentFile
        {
            Version = version, EvidenceFileId = e.Id, CriterionCode = e.CriterionCode, FileName = e.FileName, ContentType = e.ContentType,
            Size = e.Size, Sha256 = e.Sha256, StoragePath = e.StoragePath,
        });

    private static readonly (string Label, Func<Snapshot, string?> Value)[] Fields =
    [
        ("Tóm tắt thành tích", s => s.Summary),
        ("Thành tích theo năm", s => s.AchievementsByYear),
        ("Sáng kiến, giải pháp", s => s.Initiatives),
        ("Khen thưởng đã nhận", s => s.CommendationsReceived),
        ("Báo cáo chi tiết", s => s.ReportHtml),
        ("Biên bản họp bình xét", s => s.Minutes is { } m ? $"{m.Date:dd/MM/yyyy}: {m.Present}/{m.MembersTotal} có mặt, {m.Agree} đồng ý, {m.Disagree} không đồng ý, {m.Abstain} không biểu quyết" : null),
        ("Cam kết gia đình không vi phạm pháp luật", s => s.FamilyLawAttested ? "Có" : "Không"),
        ("Giải trình", s => s.IndeterminateExplanation),
        ("Minh chứng", s => string.Join("; ", s.Evidence)),
    ];

    /// <summary>The fields that differ between an earlier and a later submission: (field, before, after).</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Changes(Snapshot before, Snapshot after) =>
        Fields.Select(f => (f.Label, f.Value(before), f.Value(after))).Where(c => c.Item2 != c.Item3).ToList();
}
