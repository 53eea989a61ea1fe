using System.Globalization;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// Biên bản kiểm phiếu: the counted ballot as minutes, only once the ballot is closed, dated with the day the ballot
/// closed; each candidate "Đạt" or "Không đạt" with the votes and their share of all members.
/// </summary>
public static class BallotMinutesDocument
{
    public sealed class Handler(GetBallot.Handler ballots, AppDbContext db, Issuers.IssuerDirectory.Handler issuers)
    {
        public async Task<Result<(string FileName, byte[] Content)>> Handle(int ballotId, CancellationToken cancellationToken)
        {
            var result = await ballots.Handle(ballotId, cancellationToken);
            if (!result.IsSuccess)
            {
                return Result<(string, byte[])>.Failure(result.Errors);
            }

            var ballot = result.Value;
            var closedAt = await db.Ballots.Where(b => b.Id == ballotId).Select(b => b.ClosedAtUtc).SingleOrDefaultAsync(cancellationToken);
            if (ballot.Results is not { } tally || closedAt is null)
            {
                return DomainError.Conflict("ballot_open", "Chỉ lập biên bản kiểm phiếu sau khi kết thúc bỏ phiếu.");
            }

            var issuer = await issuers.Default(cancellationToken);
            var bloc = issuer.Heading;
            var day = VietnamTime.DayOf(closedAt.Value);
            var members = tally.EligibleVoters;
            var model = new PartyDocumentModel(
                bloc.Lines,
                "......-BB/" + bloc.Symbol,
                issuer.Place,
                day,
                "BIÊN BẢN KIỂM PHIẾU",
                ballot.Title,
                [
                    $"Ngày {PartyDate.Numeric(day)}, {bloc.OrganName} tiến hành bỏ phiếu kín lựa chọn gương điển hình tiêu biểu, đợt {ballot.Round}.",
                    $"Tổng số ủy viên được bỏ phiếu: {N(members)}; số ủy viên đã bỏ phiếu: {N(tally.Voted)}; số phiếu hợp lệ: {N(tally.Voted)}.",
                    tally.QuorumMet ? "Số ủy viên tham gia bỏ phiếu đủ theo quy định." : "Số ủy viên tham gia bỏ phiếu không đủ theo quy định; kết quả không được công nhận.",
                    "Kết quả kiểm phiếu như sau:",
                ],
                ["STT", "Tập thể, cá nhân", "Phiếu đồng ý", "Tỷ lệ so với tổng số ủy viên", "Kết quả"],
                tally.Candidates.Select((c, i) => (IReadOnlyList<string>)[N(i + 1), $"{c.Name} ({c.Kind.Label().ToLowerInvariant()})",
                    N(c.Approvals), Share(c.Approvals, members), c.Passed ? "Đạt" : "Không đạt"]).ToList(),
                ["Biên bản được lập xong và thông qua trước hội nghị."],
                "T/M TỔ KIỂM PHIẾU",
                "TỔ TRƯỞNG",
                "...........................",
                [bloc.OrganName + ",", "Lưu Văn phòng."]);
            return ($"bien-ban-kiem-phieu-{ballot.Id}.docx", PartyDocx.Write(model));
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"7/9 (77,78%)": votes over all members, the share with a Vietnamese decimal comma.</summary>
    public static string Share(int votes, int members) =>
        members == 0 ? "0" : $"{N(votes)}/{N(members)} ({(100m * votes / members).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))}%)";
}
