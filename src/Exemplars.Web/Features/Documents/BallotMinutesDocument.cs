using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Documents;

namespace Exemplars.Web.Features.Documents;

/// <summary>Biên bản kiểm phiếu: the counted ballot as minutes, only once the ballot is closed.</summary>
public static class BallotMinutesDocument
{
    public sealed class Handler(GetBallot.Handler ballots, DocumentSettings settings, TimeProvider clock)
    {
        public async Task<Result<(string FileName, byte[] Content)>> Handle(int ballotId, CancellationToken cancellationToken)
        {
            var result = await ballots.Handle(ballotId, cancellationToken);
            if (!result.IsSuccess)
            {
                return Result<(string, byte[])>.Failure(result.Errors);
            }

            var ballot = result.Value;
            if (ballot.Results is not { } tally)
            {
                return DomainError.Conflict("ballot_open", "Chỉ lập biên bản kiểm phiếu sau khi kết thúc bỏ phiếu.");
            }

            var model = new PartyDocumentModel(
                settings.BlocIssuer,
                "......-BB/ĐUK",
                settings.Place,
                VietnamTime.Today(clock),
                "BIÊN BẢN KIỂM PHIẾU",
                ballot.Title,
                [
                    $"Ban Thường vụ Đảng ủy Khối tiến hành bỏ phiếu kín lựa chọn gương điển hình tiêu biểu, đợt {ballot.Round}.",
                    $"Tổng số ủy viên Ban Thường vụ được bỏ phiếu: {tally.EligibleVoters}; số ủy viên đã bỏ phiếu: {tally.Voted}; số phiếu hợp lệ: {tally.Voted}.",
                    tally.QuorumMet ? "Số ủy viên tham gia bỏ phiếu đủ theo quy định." : "Số ủy viên tham gia bỏ phiếu không đủ theo quy định; kết quả không được công nhận.",
                    "Kết quả kiểm phiếu như sau:",
                ],
                ["STT", "Tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Kết quả"],
                tally.Candidates.Select((c, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{c.Name} ({c.Kind.Label().ToLowerInvariant()})",
                    c.Approvals.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Disapprovals.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Passed ? "Trúng" : "Không trúng"]).ToList(),
                ["Biên bản được lập xong và thông qua trước Ban Thường vụ."],
                "T/M TỔ KIỂM PHIẾU",
                "TỔ TRƯỞNG",
                "...........................",
                ["Ban Thường vụ Đảng ủy Khối,", "Lưu VP, TGDV."]);
            return ($"bien-ban-kiem-phieu-{ballot.Id}.docx", PartyDocx.Write(model));
        }
    }
}
