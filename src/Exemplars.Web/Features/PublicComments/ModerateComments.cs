using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>The secretariat reads comments, accepts or rejects each, and records how it was handled.</summary>
public static class ModerateComments
{
    public sealed record Row(int Id, string Candidate, string? AuthorName, string? AuthorContact, string Text, DateTime CreatedAtUtc, CommentStatus Status, string? Handling);

    /// <summary>The columns the list can be sorted by (the candidate, the date received).</summary>
    public static readonly string[] SortKeys = ["ve", "ngay"];

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public Task<Result<Paged<Row>>> List(CommentStatus? status, int page, CancellationToken cancellationToken) =>
            List(status, page, null, false, cancellationToken);

        /// <summary>The comments, newest first unless sorted by a key of <see cref="SortKeys"/>.</summary>
        public async Task<Result<Paged<Row>>> List(CommentStatus? status, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận xem ý kiến góp ý.");
            }

            var comments = db.PublicComments.AsQueryable();
            if (status is { } s)
            {
                comments = comments.Where(c => c.Status == s);
            }

            var joined = from c in comments
                         join n in db.Nominations on c.NominationId equals n.Id
                         select new { c, n };
            joined = (sort, descending) switch
            {
                ("ve", false) => joined.OrderBy(x => x.n.NomineeName).ThenByDescending(x => x.c.Id),
                ("ve", true) => joined.OrderByDescending(x => x.n.NomineeName).ThenByDescending(x => x.c.Id),
                ("ngay", false) => joined.OrderBy(x => x.c.Id),
                _ => joined.OrderByDescending(x => x.c.Id),
            };
            return await joined
                .Select(x => new Row(x.c.Id, x.n.NomineeName, x.c.AuthorName, x.c.AuthorContact, x.c.Text, x.c.CreatedAtUtc, x.c.Status, x.c.Handling))
                .ToPagedAsync(new PageRequest(page), cancellationToken);
        }

        public async Task<Result<bool>> Decide(int id, CommentStatus status, string? handling, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận xử lý ý kiến góp ý.");
            }

            if (status == CommentStatus.Pending || !Enum.IsDefined(status) || string.IsNullOrWhiteSpace(handling))
            {
                return DomainError.Invalid("Handling", "Hãy chọn tiếp thu hoặc không tiếp thu và ghi cách xử lý ý kiến.");
            }

            var comment = await db.PublicComments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (comment is null)
            {
                return DomainError.NotFound("Không tìm thấy ý kiến.");
            }

            comment.Status = status;
            comment.Handling = handling.Trim()[..Math.Min(handling.Trim().Length, 2000)];
            comment.HandledBy = user.Email;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
