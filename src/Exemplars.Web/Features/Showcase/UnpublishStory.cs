using Exemplars.Domain.Common;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

/// <summary>The secretariat takes a published story off the public pages, with a reason kept in the history.</summary>
public static class UnpublishStory
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(int storyId, Guid? version, string? reason, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận gỡ bài gương điển hình.");
            }

            var story = await db.ExemplarStories.SingleOrDefaultAsync(s => s.Id == storyId, cancellationToken);
            if (story is null)
            {
                return DomainError.NotFound("Không tìm thấy bài viết.");
            }

            if (Common.Versions.Check(version, story.Version, SaveStory.StaleMessage) is { } stale)
            {
                return stale;
            }

            var revision = story.Unpublish(reason, user.Email, clock.GetUtcNow().UtcDateTime);
            if (!revision.IsSuccess)
            {
                return Result<int>.Failure(revision.Errors);
            }

            db.StoryRevisions.Add(revision.Value);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict(Common.Versions.StaleCode, SaveStory.StaleMessage);
            }

            return revision.Value.Id;
        }
    }
}
