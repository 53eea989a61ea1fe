using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// The ceremonies' stories on the public showcase: only held ceremonies whose story is published, with their photos.
/// A photo is served to the public only when its ceremony's story is published; to those who see the ceremony, always.
/// </summary>
public static class PublishedCeremonies
{
    public sealed record Item(int Id, string Title, DateOnly Date, string Place, string StoryTitle, string StoryHtml, IReadOnlyList<GetCeremony.Photo> Photos);

    public sealed record Link(int Id, string StoryTitle, DateOnly Date);

    public sealed class Handler(AppDbContext db, CurrentUser user, IFileStore storage)
    {
        public Task<List<Link>> Latest(int count, CancellationToken cancellationToken) =>
            db.Set<Ceremony>().AsNoTracking().Where(c => c.StoryPublished && c.State == CeremonyState.Held)
                .OrderByDescending(c => c.StoryPublishedAtUtc).ThenByDescending(c => c.Id).Take(count)
                .Select(c => new Link(c.Id, c.StoryTitle!, c.HeldOn ?? c.Date)).ToListAsync(cancellationToken);

        public async Task<Result<Item>> Get(int id, CancellationToken cancellationToken)
        {
            var c = await db.Set<Ceremony>().AsNoTracking().Include(x => x.Photos.OrderBy(p => p.Id))
                .SingleOrDefaultAsync(x => x.Id == id && x.StoryPublished && x.State == CeremonyState.Held, cancellationToken);
            return c is null
                ? DomainError.NotFound("Không tìm thấy bài viết về lễ tuyên dương.")
                : new Item(c.Id, c.Title, c.HeldOn ?? c.Date, c.Place, c.StoryTitle!, c.StoryHtml!, c.Photos.Select(p => new GetCeremony.Photo(p.Id, p.FileName, p.Caption)).ToList());
        }

        public async Task<(Stream Content, string ContentType)?> Photo(int photoId, CancellationToken cancellationToken)
        {
            var photo = await db.Set<CeremonyPhoto>().AsNoTracking().Where(p => p.Id == photoId)
                .Join(db.Set<Ceremony>(), p => p.CeremonyId, c => c.Id, (p, c) => new { p.StoragePath, p.ContentType, c.Id, Public = c.StoryPublished && c.State == CeremonyState.Held })
                .SingleOrDefaultAsync(cancellationToken);
            if (photo is null || (!photo.Public && !await db.VisibleCeremonies(user).AnyAsync(c => c.Id == photo.Id, cancellationToken)))
            {
                return null;
            }

            return (storage.Open(photo.StoragePath), photo.ContentType);
        }
    }
}
