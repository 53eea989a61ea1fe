using Exemplars.Domain.Common;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

/// <summary>The secretariat approves a story's working copy: from now on the public sees exactly that text; the approval is kept in the history.</summary>
public static class ApproveStory
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, Webhooks.WebhookOutbox webhooks)
    {
        public async Task<Result<int>> Handle(int storyId, Guid? version, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận duyệt đăng gương điển hình.");
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

            var who = await (from n in db.Nominations
                             where n.Id == story.NominationId
                             join o in db.Organizations on n.OrganizationId equals o.Id
                             select new { n.NomineeName, Unit = o.Name }).SingleAsync(cancellationToken);
            var revision = Publish(story, who.NomineeName, who.Unit, user.Email, clock.GetUtcNow().UtcDateTime);
            if (!revision.IsSuccess)
            {
                return Result<int>.Failure(revision.Errors);
            }

            db.StoryRevisions.Add(revision.Value);
            webhooks.Add(db, Domain.Integration.WebhookRules.StoryPublished, new
            {
                storyId = story.Id, nominationId = story.NominationId, title = story.PublishedTitle, nomineeName = who.NomineeName, unit = who.Unit,
                path = $"/Showcase/Details/{story.Id}",
            });
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

    /// <summary>Approves through the domain and refreshes the public search text from the newly published copy.</summary>
    public static Result<StoryRevision> Publish(ExemplarStory story, string nomineeName, string unit, string by, DateTime nowUtc)
    {
        var revision = story.Approve(by, nowUtc);
        if (revision.IsSuccess)
        {
            story.SearchText = VietnameseText.Fold($"{nomineeName} {unit} {story.PublishedTitle} {System.Text.RegularExpressions.Regex.Replace(story.PublishedHtml ?? string.Empty, "<[^>]+>", " ")}");
        }

        return revision;
    }
}
