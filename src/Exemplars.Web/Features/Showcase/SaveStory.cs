using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

/// <summary>
/// The secretariat writes the public story of a commended exemplar, with an optional photo. Saving changes the working
/// copy only: the public keeps seeing the last approved text until the story is approved again (here with
/// <see cref="Command.Approve"/>, or later with <see cref="ApproveStory"/>).
/// </summary>
public static class SaveStory
{
    public const string StaleMessage = "Bài viết vừa được người khác sửa, duyệt hoặc gỡ. Hãy tải lại trang rồi thực hiện lại.";

    /// <param name="Version">The story's version as read; required once the story exists (428 without, 409 when stale).</param>
    public sealed record Command(int NominationId, string? Title, string? StoryHtml, bool Approve, Guid? Version = null);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, IFileStore storage)
    {
        public async Task<Result<int>> Handle(Command command, (string Name, byte[] Content)? photo, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận biên tập trang gương điển hình.");
            }

            var nomination = await db.Nominations.Where(n => n.Id == command.NominationId).Select(n => new { n.Id, n.NomineeName, n.OrganizationId }).SingleOrDefaultAsync(cancellationToken);
            if (nomination is null || !await db.Awards.AnyAsync(a => a.NominationId == command.NominationId, cancellationToken))
            {
                return DomainError.Rule("not_commended", "Chỉ giới thiệu công khai những gương đã được khen thưởng.", "NominationId");
            }

            FileRules.FileType? photoType = null;
            if (photo is { } p)
            {
                var check = Infrastructure.Files.UploadInspection.Photo(p.Name, p.Content);
                if (!check.IsSuccess)
                {
                    return Result<int>.Failure(check.Errors);
                }

                photoType = check.Value;
            }

            var html = string.IsNullOrWhiteSpace(command.StoryHtml) ? command.StoryHtml : HtmlCleaner.Clean(command.StoryHtml);
            var now = clock.GetUtcNow().UtcDateTime;
            var story = await db.ExemplarStories.SingleOrDefaultAsync(s => s.NominationId == nomination.Id, cancellationToken);
            if (story is not null && Common.Versions.Check(command.Version, story.Version, StaleMessage) is { } stale)
            {
                return stale;
            }

            var errors = story is null
                ? ExemplarStory.Create(nomination.Id, command.Title, html, null, now).Errors
                : ValidateOnly(story, command.Title, html);
            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            ShowcasePhoto? stored = null;
            if (photo is { } ph && photoType is { } type)
            {
                var blob = await storage.PutAsync(ph.Content, cancellationToken);
                stored = new ShowcasePhoto
                {
                    FileName = Path.ChangeExtension(FileRules.CleanName(ph.Name), type.Extension), ContentType = type.ContentType,
                    Size = ph.Content.LongLength, Sha256 = blob.Sha256, StoragePath = blob.Address, UploadedBy = user.Email, UploadedAtUtc = now,
                };
                db.ShowcasePhotos.Add(stored);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (stored is not null)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                if (story is null)
                {
                    story = ExemplarStory.Create(nomination.Id, command.Title, html, stored?.Id, now).Value;
                    db.ExemplarStories.Add(story);
                }
                else
                {
                    story.Edit(command.Title, html, stored?.Id, now);
                }

                if (command.Approve && story.State is not StoryState.Published)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    var unit = await db.Organizations.Where(o => o.Id == nomination.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
                    db.StoryRevisions.Add(ApproveStory.Publish(story, nomination.NomineeName, unit, user.Email, now).Value);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The version check (an edit, approval or unpublishing saved first) or, for a new story, the one story per nomination.
                return DomainError.Conflict(Common.Versions.StaleCode, StaleMessage);
            }

            return story.Id;
        }

        private static IReadOnlyList<DomainError> ValidateOnly(ExemplarStory story, string? title, string? html)
        {
            var probe = new ExemplarStory { Title = story.Title, StoryHtml = story.StoryHtml };
            var edited = probe.Edit(title, html, null, DateTime.UnixEpoch);
            return edited.IsSuccess ? [] : edited.Errors;
        }
    }
}
