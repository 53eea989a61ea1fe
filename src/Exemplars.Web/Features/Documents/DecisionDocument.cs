using System.Globalization;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Review;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// The editable DOCX of a registered Quyết định (awardees) or Tờ trình (candidates sent up): the list on its own page
/// after the signature; the Tờ trình tells what actually happened in the round (dossiers, verification, public
/// comment, ballot) from the records, and says nothing of a ballot that was not held.
/// </summary>
public static class DecisionDocument
{
    public sealed record Listed(int? NominationId, string Name, NomineeKind? Kind, string? Position, string? Unit);

    public sealed class Handler(AppDbContext db, CurrentUser user, Issuers.IssuerDirectory.Handler issuers)
    {
        public async Task<Result<(string FileName, byte[] Content)>> Handle(int decisionId, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem sổ quyết định.");
            }

            var decision = await db.Decisions.AsNoTracking().Include(d => d.Awards).SingleOrDefaultAsync(d => d.Id == decisionId && d.Type != DocumentType.Report, cancellationToken);
            if (decision is null)
            {
                return DomainError.NotFound("Không tìm thấy văn bản.");
            }

            var plan = decision.RoundId is { } roundId
                ? await db.Rounds.Where(r => r.Id == roundId).Join(db.Plans, r => r.PlanId, p => p.Id, (r, p) => new { p.Name, p.Basis, p.IssuedNumber, p.IssuedOn }).SingleOrDefaultAsync(cancellationToken)
                : null;
            var isDecision = decision.Type == DocumentType.Decision;
            var ids = isDecision
                ? decision.Awards.Where(a => a.NominationId is not null).Select(a => a.NominationId!.Value).ToList()
                : await db.Nominations.Where(n => n.ForwardedInDecisionId == decision.Id).Select(n => n.Id).ToListAsync(cancellationToken);
            var details = await (from n in db.Nominations
                                 join o in db.Organizations on n.OrganizationId equals o.Id
                                 join p in db.People on n.PersonId equals p.Id into people
                                 from p in people.DefaultIfEmpty()
                                 where ids.Contains(n.Id)
                                 select new { n.Id, n.Kind, n.NomineeName, Position = p == null ? null : p.Position, Unit = o.Name })
                .ToDictionaryAsync(x => x.Id, cancellationToken);
            var listed = isDecision
                ? decision.Awards.Select(a => a.NominationId is { } id && details.TryGetValue(id, out var d)
                    ? new Listed(id, a.RecipientName, d.Kind, d.Position, d.Unit)
                    : new Listed(a.NominationId, a.RecipientName, null, null, null)).ToList()
                : details.Values.Select(d => new Listed(d.Id, d.NomineeName, d.Kind, d.Position, d.Unit)).ToList();
            listed = [.. listed.OrderBy(l => l.Kind == NomineeKind.Individual ? 1 : 0).ThenBy(l => l.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))];

            var issuer = await issuers.BySymbol(decision.Issuer, cancellationToken);
            var bloc = issuer.Heading;
            var position = Issuers.IssuerDirectory.PositionOf(issuer, decision.Signer, decision.Date);
            var number = decision.DocumentNumber;
            var typeName = isDecision ? "Quyết định" : "Tờ trình";
            var attached = listed.Count == 0 ? null : new AttachedList(
                isDecision ? "tập thể, cá nhân được tặng " + (decision.Awards.FirstOrDefault()?.AwardType ?? "Giấy khen") : "tập thể, cá nhân đề nghị biểu dương, khen thưởng",
                $"(Kèm theo {typeName} số {number}, ngày {PartyDate.Numeric(decision.Date)} của {bloc.OrganName})",
                ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị công tác"],
                AttachedRows(listed));
            var basis = plan is null ? [] : new List<string> { "Căn cứ " + PlanReference(plan.Name, plan.IssuedNumber, plan.IssuedOn, bloc.OrganName) + ";" };
            var model = isDecision
                ? new PartyDocumentModel(
                    bloc.Lines, number, issuer.Place, decision.Date, "QUYẾT ĐỊNH", decision.Title,
                    [GrassrootsIssuer.Upper(bloc.OrganName), "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", .. basis.Select(b => "- " + b), $"- Xét đề nghị của {issuer.AdvisingBoard},", "QUYẾT ĐỊNH:",
                        $"Điều 1. Tặng {decision.Awards.FirstOrDefault()?.AwardType ?? "Giấy khen"} cho {Count(listed)} đã có thành tích tiêu biểu, xuất sắc (có danh sách kèm theo)."],
                    null, null,
                    ["Điều 2. Quyết định có hiệu lực kể từ ngày ký.", $"Điều 3. Văn phòng, {issuer.AdvisingBoard}, các cấp ủy cơ sở và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."],
                    bloc.OnBehalf, position, decision.Signer,
                    issuer.RecipientsOf(DocumentType.Decision), attached)
                : new PartyDocumentModel(
                    bloc.Lines, number, issuer.Place, decision.Date, "TỜ TRÌNH", decision.Title,
                    [$"Kính gửi: {issuer.SuperiorOrgan}", .. basis, .. await Facts(decision.RoundId, decision.Date, bloc.OrganName, listed, cancellationToken)],
                    null, null,
                    [$"Kính trình {issuer.SuperiorOrgan} xem xét, quyết định."],
                    bloc.OnBehalf, position, decision.Signer,
                    issuer.RecipientsOf(DocumentType.Submission), attached);
            var fileName = $"{(isDecision ? "quyet-dinh" : "to-trinh")}-{decision.Number}-{decision.Year}.docx";
            return (fileName, PartyDocx.Write(model));
        }

        /// <summary>What happened in the round by the document's date, from the records: each sentence only when its step took place.</summary>
        private async Task<List<string>> Facts(int? roundId, DateOnly signedOn, string organ, IReadOnlyList<Listed> listed, CancellationToken cancellationToken)
        {
            var facts = new List<string>();
            if (roundId is { } id)
            {
                var received = await db.Nominations.CountAsync(n => n.RoundId == id && n.SubmissionCount > 0, cancellationToken);
                var units = await db.Nominations.Where(n => n.RoundId == id && n.SubmissionCount > 0).Select(n => n.OrganizationId).Distinct().CountAsync(cancellationToken);
                // Verified = accepted on every criterion by the document's date, whatever happened to the dossier since
                // (voted on, commended, sent to the province): its present status is no longer "Verified".
                var signedBy = signedOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var verified = await db.Nominations.CountAsync(n => n.RoundId == id && n.Status != NominationStatus.Withdrawn
                    && db.VerificationRecords.Any(v => v.NominationId == n.Id && v.Outcome == VerificationOutcome.Accepted && v.CheckedAtUtc < signedBy), cancellationToken);
                facts.Add($"{organ} đã nhận {N(received)} hồ sơ đề nghị của {N(units)} tổ chức cơ sở đảng; qua thẩm định, {N(verified)} hồ sơ đủ tiêu chuẩn.");
                var comment = await db.CommentPeriods.Where(c => c.RoundId == id && c.StartsOn <= signedOn).OrderByDescending(c => c.EndsOn).Select(c => new { c.StartsOn, c.EndsOn }).FirstOrDefaultAsync(cancellationToken);
                if (comment is not null)
                {
                    facts.Add($"Danh sách được lấy ý kiến công khai từ ngày {PartyDate.Numeric(comment.StartsOn)} đến ngày {PartyDate.Numeric(comment.EndsOn)}.");
                }

                var ballot = await db.Ballots.Where(b => b.RoundId == id && b.Status == BallotStatus.Closed && b.ClosedAtUtc != null && b.ClosedAtUtc < signedBy)
                    .OrderByDescending(b => b.ClosedAtUtc).Select(b => new { b.Id, b.ClosedAtUtc }).FirstOrDefaultAsync(cancellationToken);
                if (ballot is not null)
                {
                    var eligible = await db.BallotVoters.CountAsync(v => v.BallotId == ballot.Id, cancellationToken);
                    var voted = await db.BallotVoters.CountAsync(v => v.BallotId == ballot.Id && v.HasVoted, cancellationToken);
                    facts.Add($"Ngày {PartyDate.Numeric(VietnamTime.DayOf(ballot.ClosedAtUtc!.Value))}, {organ} đã bỏ phiếu kín lựa chọn; {N(voted)}/{N(eligible)} ủy viên tham gia bỏ phiếu.");
                }
            }

            // With nobody listed there is no list to attach, and "0 cá nhân" is no proposal: say only what was agreed.
            facts.Add(Count(listed) is "0 cá nhân"
                ? $"{organ} thống nhất đề nghị xem xét biểu dương, khen thưởng các tập thể, cá nhân điển hình tiêu biểu."
                : $"{organ} thống nhất đề nghị xem xét biểu dương, khen thưởng {Count(listed)} (có danh sách kèm theo).");
            return facts;
        }
    }

    /// <summary>"Kế hoạch số 05-KH/ĐUK, ngày 10/3/2021 của Ban Thường vụ … về …" when the plan's number is recorded, else its name.</summary>
    public static string PlanReference(string name, string? number, DateOnly? issuedOn, string organ)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return name;
        }

        var subject = name.StartsWith("Kế hoạch", StringComparison.OrdinalIgnoreCase) ? name["Kế hoạch".Length..].Trim() : name;
        return $"Kế hoạch số {number}{(issuedOn is { } on ? ", ngày " + PartyDate.Numeric(on) : string.Empty)} của {organ} {subject}".TrimEnd();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(IReadOnlyList<Listed> listed)
    {
        var collectives = listed.Count(l => l.Kind == NomineeKind.Collective);
        var individuals = listed.Count - collectives;
        return (collectives, individuals) switch
        {
            (0, _) => $"{N(individuals)} cá nhân",
            (_, 0) => $"{N(collectives)} tập thể",
            _ => $"{N(collectives)} tập thể và {N(individuals)} cá nhân",
        };
    }

    /// <summary>Collectives by the agency's or enterprise's name; individuals as "Đồng chí …" with position and workplace.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> AttachedRows(IReadOnlyList<Listed> listed)
    {
        var rows = new List<IReadOnlyList<string>>();
        var collectives = listed.Where(l => l.Kind != NomineeKind.Individual).ToList();
        var individuals = listed.Where(l => l.Kind == NomineeKind.Individual).ToList();
        if (collectives.Count > 0 && individuals.Count > 0)
        {
            rows.Add(["I", "TẬP THỂ", string.Empty]);
        }

        rows.AddRange(collectives.Select((l, i) => (IReadOnlyList<string>)[N(i + 1), l.Name, l.Unit is { } unit && unit != l.Name ? unit : string.Empty]));
        if (collectives.Count > 0 && individuals.Count > 0)
        {
            rows.Add(["II", "CÁ NHÂN", string.Empty]);
        }

        rows.AddRange(individuals.Select((l, i) => (IReadOnlyList<string>)[N(i + 1), "Đồng chí " + l.Name,
            string.Join(", ", new[] { l.Position, l.Unit }.Where(s => !string.IsNullOrWhiteSpace(s)))]));
        return rows;
    }
}
