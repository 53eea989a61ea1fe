using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// The files exactly as each submission sent them. They stay openable after the clerk removes or replaces a file in the
/// returned dossier: the sent version references the bytes by their SHA-256 and the sweeper never removes them.
/// </summary>
public static class SentFiles
{
    public sealed record Item(int Id, int VersionNumber, string? CriterionCode, string FileName, string ContentType, long Size, string Sha256);

    public sealed record Download(Stream Content, string ContentType, string FileName);

    /// <summary>One submission and the files it sent, for the page (the owning unit's clerk and the secretariat only).</summary>
    public sealed record SentVersion(int Number, DateTime SubmittedAtUtc, string SubmittedBy, IReadOnlyList<Item> Files);

    public sealed record Dossier(int Id, string NomineeName, IReadOnlyList<SentVersion> Versions);

    /// <summary>Who may open the sent files on the page: the unit that sent them (its clerk, in scope) and the secretariat.</summary>
    public static bool CanOpen(CurrentUser user) => NominationAccess.CanDraft(user) || NominationAccess.CanReview(user);

    public sealed class Handler(AppDbContext db, CurrentUser user, IFileStore storage)
    {
        public async Task<Result<IReadOnlyList<Item>>> List(int nominationId, CancellationToken cancellationToken)
        {
            if (!await db.Visible(user).AnyAsync(n => n.Id == nominationId, cancellationToken))
            {
                return DomainError.NotFound("Không tìm thấy hồ sơ.");
            }

            var items = await db.SentFiles.Where(f => f.Version!.NominationId == nominationId)
                .OrderBy(f => f.Version!.Number).ThenBy(f => f.CriterionCode).ThenBy(f => f.FileName)
                .Select(f => new Item(f.Id, f.Version!.Number, f.CriterionCode, f.FileName, f.ContentType, f.Size, f.Sha256))
                .ToListAsync(cancellationToken);
            return items;
        }

        /// <summary>Every submission of the dossier, newest first, with exactly the files it sent.</summary>
        public async Task<Result<Dossier>> Sent(int nominationId, CancellationToken cancellationToken)
        {
            if (!CanOpen(user))
            {
                return NominationAccess.Forbidden("xem các tệp đã gửi");
            }

            var nomination = await db.Visible(user).Where(n => n.Id == nominationId).Select(n => new { n.Id, n.NomineeName }).SingleOrDefaultAsync(cancellationToken);
            if (nomination is null)
            {
                return DomainError.NotFound("Không tìm thấy hồ sơ.");
            }

            var files = (await List(nominationId, cancellationToken)).Value.ToLookup(f => f.VersionNumber);
            var versions = await db.NominationVersions.Where(v => v.NominationId == nominationId).OrderByDescending(v => v.Number)
                .Select(v => new { v.Number, v.SubmittedAtUtc, v.SubmittedBy }).ToListAsync(cancellationToken);
            return new Dossier(nomination.Id, nomination.NomineeName, versions.Select(v => new SentVersion(v.Number, v.SubmittedAtUtc, v.SubmittedBy, files[v.Number].ToList())).ToList());
        }

        public async Task<Result<Download>> Open(int nominationId, int sentFileId, CancellationToken cancellationToken)
        {
            var visible = db.Visible(user).Where(n => n.Id == nominationId).Select(n => n.Id);
            var file = await db.SentFiles.Where(f => f.Id == sentFileId && visible.Contains(f.Version!.NominationId))
                .Select(f => new { f.StoragePath, f.ContentType, f.FileName }).SingleOrDefaultAsync(cancellationToken);
            if (file is null || !storage.Exists(file.StoragePath))
            {
                return DomainError.NotFound("Không tìm thấy tệp đã gửi.");
            }

            return new Download(storage.Open(file.StoragePath), file.ContentType, file.FileName);
        }
    }

    public static RouteGroupBuilder MapSentFiles(this RouteGroupBuilder nominations)
    {
        nominations.MapGet("/{id:int}/sent-files", async (int id, Handler handler, CancellationToken ct) =>
            await handler.List(id, ct) is { IsSuccess: true } ok ? Results.Ok(ok.Value) : Problems.NotFound())
            .WithSummary("Các tệp đúng như mỗi lần gửi hồ sơ đã gửi");
        nominations.MapGet("/{id:int}/sent-files/{fileId:int}", async (int id, int fileId, Handler handler, CancellationToken ct) =>
            await handler.Open(id, fileId, ct) is { IsSuccess: true } ok ? Results.File(ok.Value.Content, ok.Value.ContentType, ok.Value.FileName) : Problems.NotFound())
            .WithSummary("Tải một tệp đúng như lần gửi đã gửi");
        return nominations;
    }
}
