using System.Security.Cryptography;
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

/// <summary>The secretariat writes (and approves) the public story of a commended exemplar, with an optional photo.</summary>
public static class SaveStory
{
    public const string PhotoCode = "showcase-photo";

    public sealed record Command(int NominationId, string? Title, string? StoryHtml, bool Approve);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, FileStorage storage)
    {
        public async Task<Result<int>> Handle(Command command, (string Name, byte[] Content)? photo, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận biên tập trang gương điển hình.");
            }

            var nomination = await db.Nominations.Include(n => n.Evidence).SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null || !await db.Awards.AnyAsync(a => a.NominationId == command.NominationId, cancellationToken))
            {
                return DomainError.Invalid("NominationId", "Chỉ giới thiệu công khai những gương đã được khen thưởng.");
            }

            var errors = new List<DomainError>();
            if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Trim().Length > 300)
            {
                errors.Add(DomainError.Invalid("Title", "Hãy đặt tiêu đề (tối đa 300 ký tự)."));
            }

            if (string.IsNullOrWhiteSpace(command.StoryHtml) || command.StoryHtml.Length > 50_000)
            {
                errors.Add(DomainError.Invalid("StoryHtml", "Hãy viết bài giới thiệu (tối đa 50.000 ký tự)."));
            }

            FileRules.FileType? photoType = null;
            if (photo is { } p)
            {
                var check = FileRules.Check(p.Name, p.Content.LongLength, p.Content.AsSpan(0, Math.Min(p.Content.Length, 16)), 0);
                if (!check.IsSuccess || check.Value.ContentType is not ("image/jpeg" or "image/png"))
                {
                    errors.Add(DomainError.Invalid("Photo", "Ảnh phải là tệp JPG hoặc PNG thật, tối đa 20 MB."));
                }
                else
                {
                    photoType = check.Value;
                }
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var unit = await db.Organizations.Where(o => o.Id == nomination.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
            var story = await db.ExemplarStories.SingleOrDefaultAsync(s => s.NominationId == nomination.Id, cancellationToken);
            if (story is null)
            {
                story = new ExemplarStory { NominationId = nomination.Id };
                db.ExemplarStories.Add(story);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            story.Title = command.Title!.Trim();
            story.StoryHtml = HtmlCleaner.Clean(command.StoryHtml!);
            story.SearchText = VietnameseText.Fold($"{nomination.NomineeName} {unit} {story.Title} {System.Text.RegularExpressions.Regex.Replace(story.StoryHtml, "<[^>]+>", " ")}");
            story.UpdatedAtUtc = now;
            if (photo is { } ph && photoType is { } type)
            {
                var file = new EvidenceFile
                {
                    CriterionCode = PhotoCode, FileName = Path.ChangeExtension(FileRules.CleanName(ph.Name), type.Extension), ContentType = type.ContentType,
                    Size = ph.Content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(ph.Content)),
                    StoragePath = await storage.SaveAsync(ph.Content, cancellationToken), UploadedAtUtc = now,
                };
                nomination.Evidence.Add(file);
                await db.SaveChangesAsync(cancellationToken);
                story.PhotoFileId = file.Id;
            }

            if (command.Approve && !story.Approved)
            {
                story.Approved = true;
                story.ApprovedBy = user.Email;
                story.PublishedAtUtc = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            return story.Id;
        }
    }
}
