using Exemplars.Domain.Showcase;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

/// <summary>What the secretariat sees to edit the showcase: every commended exemplar, its story's state, working copy and history.</summary>
public static class ManageStories
{
    public sealed record Revision(StoryRevisionKind Kind, string Title, string? Reason, string By, DateTime AtUtc);

    public sealed record Row(
        int NominationId, string Name, string Unit, int? StoryId, StoryState? State, string? Title, string? StoryHtml,
        string? PublishedTitle, string? UnpublishedReason, IReadOnlyList<Revision> History, Guid? Version = null);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        /// <summary>Null when the user may not edit the showcase.</summary>
        public async Task<IReadOnlyList<Row>?> Handle(CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return null;
            }

            var rows = await (from n in db.Nominations
                              where db.Awards.Any(a => a.NominationId == n.Id)
                              join o in db.Organizations on n.OrganizationId equals o.Id
                              join s in db.ExemplarStories on n.Id equals s.NominationId into stories
                              from s in stories.DefaultIfEmpty()
                              orderby n.NomineeName, n.Id
                              select new { n.Id, n.NomineeName, Unit = o.Name, Story = s })
                .Take(500).ToListAsync(cancellationToken);
            var storyIds = rows.Where(r => r.Story != null).Select(r => r.Story!.Id).ToList();
            var history = (await db.StoryRevisions.Where(r => storyIds.Contains(r.ExemplarStoryId)).OrderByDescending(r => r.Id)
                    .Select(r => new { r.ExemplarStoryId, r.Kind, r.Title, r.Reason, r.By, r.AtUtc }).ToListAsync(cancellationToken))
                .ToLookup(r => r.ExemplarStoryId, r => new Revision(r.Kind, r.Title, r.Reason, r.By, r.AtUtc));
            return rows.Select(r => new Row(
                r.Id, r.NomineeName, r.Unit, r.Story?.Id, r.Story?.State, r.Story?.Title, r.Story?.StoryHtml, r.Story?.PublishedTitle,
                r.Story?.UnpublishedReason, r.Story is null ? [] : history[r.Story.Id].ToList(), r.Story?.Version)).ToList();
        }
    }
}
