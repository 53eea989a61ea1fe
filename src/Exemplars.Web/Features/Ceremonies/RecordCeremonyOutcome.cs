using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// After the day: the ceremony was held (its list becomes history), its story for the showcase (cleaned like every
/// rich text, published or kept as a draft) and its photos (JPG or PNG judged by decoding them, stored like the
/// showcase's photos, content-addressed; the file sweeper keeps what a ceremony photo names).
/// </summary>
public static class RecordCeremonyOutcome
{
    public sealed record HeldCommand(DateOnly HeldOn, Guid? Version);

    public sealed record StoryCommand(string? Title, string? StoryHtml, bool Publish, Guid? Version);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, IFileStore storage)
    {
        public async Task<Result<Guid>> Held(int ceremonyId, HeldCommand command, CancellationToken cancellationToken)
        {
            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, command.Version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<Guid>.Failure(loaded.Errors);
            }

            var held = loaded.Value.MarkHeld(command.HeldOn, VietnamTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            return !held.IsSuccess ? Result<Guid>.Failure(held.Errors)
                : await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : loaded.Value.Version;
        }

        public async Task<Result<Guid>> Story(int ceremonyId, StoryCommand command, CancellationToken cancellationToken)
        {
            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, command.Version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<Guid>.Failure(loaded.Errors);
            }

            var html = string.IsNullOrWhiteSpace(command.StoryHtml) ? null : HtmlCleaner.Clean(command.StoryHtml);
            var written = loaded.Value.WriteStory(command.Title, html, command.Publish, clock.GetUtcNow().UtcDateTime);
            return !written.IsSuccess ? Result<Guid>.Failure(written.Errors)
                : await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : loaded.Value.Version;
        }

        /// <summary>Adds a photo; like an evidence upload it takes the ceremony's version to refuse a stale page.</summary>
        public async Task<Result<int>> Photo(int ceremonyId, string fileName, byte[] content, string? caption, Guid? version, CancellationToken cancellationToken)
        {
            var check = Infrastructure.Files.UploadInspection.Photo(fileName, content);
            if (!check.IsSuccess)
            {
                return Result<int>.Failure(check.Errors);
            }

            var loaded = await CeremonyAccess.LoadForChangeAsync(db, user, ceremonyId, version, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return Result<int>.Failure(loaded.Errors);
            }

            // Bytes first (content-addressed, atomic): if the row is then refused, the sweeper removes them (ADR 010).
            var blob = await storage.PutAsync(content, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var photo = new CeremonyPhoto
            {
                FileName = Path.ChangeExtension(FileRules.CleanName(fileName), check.Value.Extension), ContentType = check.Value.ContentType, Size = content.LongLength,
                Sha256 = blob.Sha256, StoragePath = blob.Address, Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(), UploadedBy = user.Email, UploadedAtUtc = now,
            };
            var added = loaded.Value.AddPhoto(photo, now);
            if (!added.IsSuccess)
            {
                return Result<int>.Failure(added.Errors);
            }

            return await Common.Versions.SaveAsync(db, CeremonyAccess.StaleMessage, cancellationToken) is { } stale ? stale : photo.Id;
        }
    }
}
