using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>The secretariat publishes chosen verified candidates for public comment between two dates (inclusive, Viet Nam days).</summary>
public static class OpenCommentPeriod
{
    public sealed record Command(string? Round, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<int>? NominationIds);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận mở lấy ý kiến công khai.");
            }

            var context = await RoundContext.LoadAsync(db, command.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<int>.Failure(context.Errors);
            }

            var ids = command.NominationIds?.Distinct().ToList() ?? [];
            var roundId = context.Value.Round.Id;
            var errors = new List<DomainError>();
            if (ids.Count == 0)
            {
                errors.Add(DomainError.Invalid("NominationIds", "Hãy chọn các hồ sơ đã thẩm định của đợt này."));
            }
            else if (await db.Nominations.CountAsync(n => ids.Contains(n.Id) && n.RoundId == roundId && n.Status == NominationStatus.Verified, cancellationToken) != ids.Count)
            {
                errors.Add(DomainError.Rule("nominations_not_verified", "Hãy chọn các hồ sơ đã thẩm định của đợt này.", "NominationIds"));
            }

            if (command.EndsOn < command.StartsOn)
            {
                errors.Add(DomainError.Invalid("EndsOn", "Ngày kết thúc phải từ ngày bắt đầu trở đi."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var period = new CommentPeriod
            {
                RoundId = roundId, StartsOn = command.StartsOn, EndsOn = command.EndsOn, OpenedBy = user.Email,
                Candidates = ids.Select(id => new CommentPeriodCandidate { NominationId = id }).ToList(),
            };
            db.CommentPeriods.Add(period);
            await db.SaveChangesAsync(cancellationToken);
            return period.Id;
        }
    }
}
