using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>
/// Anyone may comment on a candidate while its comment period is open. A filled honeypot field means a robot: the
/// comment is dropped silently. Requests are also limited per IP address (rate limiter "public-comments").
/// </summary>
public static class PostComment
{
    public sealed record Command(int NominationId, string? AuthorName, string? AuthorContact, string? Text, string? Website);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(command.Website))
            {
                return true;
            }

            var today = VietnamTime.Today(clock);
            var periodId = await db.CommentPeriods.Where(p => p.StartsOn <= today && p.EndsOn >= today && p.Candidates.Any(c => c.NominationId == command.NominationId))
                .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (periodId is null)
            {
                return DomainError.Rule("comments_closed", "Hiện không trong thời gian lấy ý kiến về trường hợp này.");
            }

            var text = command.Text?.Trim() ?? string.Empty;
            if (text.Length < 10 || text.Length > 2000)
            {
                return DomainError.Invalid("Text", "Ý kiến dài từ 10 đến 2000 ký tự.");
            }

            db.PublicComments.Add(new PublicComment
            {
                CommentPeriodId = periodId.Value, NominationId = command.NominationId, Text = text, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                AuthorName = Trim(command.AuthorName, 150), AuthorContact = Trim(command.AuthorContact, 150),
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        private static string? Trim(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];
    }
}
