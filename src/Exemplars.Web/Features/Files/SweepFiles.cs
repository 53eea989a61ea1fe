using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Files;

/// <summary>
/// Removes stored bytes nothing references any more: not a dossier's evidence (draft or not), not a file of any sent
/// version, not a showcase or ceremony photo. Bytes younger than the grace period are kept whatever the database says, because an
/// upload stores its bytes a moment before it saves the row that references them; the same holds for unfinished
/// uploads under temporary names. Runs as a daily job; tests call it with a grace period of their choosing.
/// </summary>
public static class SweepFiles
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(6);

    public sealed record Swept(int Examined, int Removed, int TemporaryRemoved);

    public sealed class Handler(AppDbContext db, IFileStore storage, ILogger<Handler> logger)
    {
        public async Task<Swept> Handle(TimeSpan? grace, CancellationToken cancellationToken)
        {
            // File times are the file system's (real) clock, so ages are measured against it, not the app's TimeProvider.
            var cutoff = DateTime.UtcNow - (grace ?? DefaultGrace);
            var candidates = storage.ListBlobs().Where(b => b.TouchedAtUtc < cutoff).Select(b => b.Address).ToList();
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in candidates.Chunk(500))
            {
                referenced.UnionWith(await db.EvidenceFiles.Where(f => chunk.Contains(f.StoragePath)).Select(f => f.StoragePath).ToListAsync(cancellationToken));
                referenced.UnionWith(await db.SentFiles.Where(f => chunk.Contains(f.StoragePath)).Select(f => f.StoragePath).ToListAsync(cancellationToken));
                referenced.UnionWith(await db.ShowcasePhotos.Where(f => chunk.Contains(f.StoragePath)).Select(f => f.StoragePath).ToListAsync(cancellationToken));
                referenced.UnionWith(await db.Set<Domain.Ceremonies.CeremonyPhoto>().Where(f => chunk.Contains(f.StoragePath)).Select(f => f.StoragePath).ToListAsync(cancellationToken));
                referenced.UnionWith(await db.ImplementationPlans.Where(p => p.StoragePath != null && chunk.Contains(p.StoragePath)).Select(p => p.StoragePath!).ToListAsync(cancellationToken));
                referenced.UnionWith(await db.BackgroundJobs.Where(j => j.InputAddress != null && chunk.Contains(j.InputAddress)).Select(j => j.InputAddress!).ToListAsync(cancellationToken));
                referenced.UnionWith(await db.BackgroundJobs.Where(j => j.OutputAddress != null && chunk.Contains(j.OutputAddress)).Select(j => j.OutputAddress!).ToListAsync(cancellationToken));
            }

            var removed = 0;
            foreach (var address in candidates.Where(a => !referenced.Contains(a)))
            {
                // Re-stored since the listing (an upload of the same bytes in flight): its row is coming, keep it.
                if (storage.TouchedAtUtc(address) is not { } touched || touched >= cutoff)
                {
                    continue;
                }

                if (storage.Delete(address))
                {
                    removed++;
                }
            }

            var temporary = 0;
            foreach (var (path, _) in storage.ListTemporary().Where(t => t.TouchedAtUtc < cutoff).ToList())
            {
                if (storage.Delete(path))
                {
                    temporary++;
                }
            }

            if (removed + temporary > 0)
            {
                logger.LogInformation("File sweeper removed {Removed} unreferenced blobs and {Temporary} unfinished uploads.", removed, temporary);
            }

            return new Swept(candidates.Count, removed, temporary);
        }
    }
}
