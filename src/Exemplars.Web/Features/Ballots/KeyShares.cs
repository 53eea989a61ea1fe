using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Crypto;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// A trustee takes their key share: only they can see it, only while the server still holds it (from opening until
/// they confirm they have kept it, or until a restart without a configured custody key), and the server writes it only
/// sealed under that key (ADR 006).
/// </summary>
public static class KeyShares
{
    public sealed record Share(int BallotId, string BallotTitle, int Index, int Trustees, int Threshold, string Text);

    public sealed class Handler(AppDbContext db, CurrentUser user, BallotKeyCustody custody)
    {
        public async Task<Result<Share>> Get(int ballotId, CancellationToken cancellationToken)
        {
            var found = await Find(ballotId, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<Share>.Failure(found.Errors);
            }

            var (ballot, trustee) = found.Value;
            if (await custody.WaitingAsync(ballotId, user.UserId, cancellationToken) is not { } share)
            {
                return DomainError.Conflict("share_gone", trustee.ShareKept
                    ? "Đồng chí đã xác nhận lưu mảnh khóa; máy chủ không còn giữ bản nào."
                    : "Máy chủ không còn giữ mảnh khóa (máy chủ đã khởi động lại hoặc cuộc bỏ phiếu đã kết thúc); nếu chưa lưu, đề nghị Ban Tuyên giáo – Dân vận mở lại cuộc bỏ phiếu.");
            }

            return new Share(ballot.Id, ballot.Title, share.Index, ballot.Trustees.Count, ballot.Threshold, share.ToText());
        }

        /// <summary>The trustee confirms the share is kept: the server drops its copy.</summary>
        public async Task<Result<bool>> Kept(int ballotId, CancellationToken cancellationToken)
        {
            var found = await Find(ballotId, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<bool>.Failure(found.Errors);
            }

            var (_, trustee) = found.Value;
            await custody.KeptAsync(ballotId, user.UserId, cancellationToken);
            trustee.ShareKept = true;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        private async Task<Result<(Ballot Ballot, BallotTrustee Trustee)>> Find(int ballotId, CancellationToken cancellationToken)
        {
            var ballot = await db.Visible(user).Include(b => b.Trustees).SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
            if (ballot is null)
            {
                return DomainError.NotFound("Không tìm thấy cuộc bỏ phiếu.");
            }

            var trustee = ballot.Trustees.SingleOrDefault(t => t.UserId == user.UserId);
            if (trustee is null)
            {
                return new DomainError(ErrorKind.Forbidden, "not_a_trustee", "Chỉ thành viên Ban kiểm phiếu được nhận mảnh khóa.");
            }

            return (ballot, trustee);
        }
    }
}
