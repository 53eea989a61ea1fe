using System.Collections.Concurrent;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;

namespace Exemplars.Web.Infrastructure;

/// <summary>
/// Runs long imports off the request, in their own scope with the requesting user's identity and scope, and keeps
/// their progress so the page can show it. Only the user who started an import can see it. State is in memory:
/// an import interrupted by a restart saved nothing (it commits in one transaction at the end).
/// </summary>
public sealed class BackgroundImports(IServiceScopeFactory scopes, ILogger<BackgroundImports> logger)
{
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public sealed class Job
    {
        public required string OwnerUserId { get; init; }

        public required string Kind { get; init; }

        public ImportProgress Progress { get; set; } = new("Đang chờ", 0, 0);

        public object? Report { get; set; }

        public IReadOnlyList<DomainError>? Errors { get; set; }

        public bool Done { get; set; }

        public DateTime StartedUtc { get; init; } = DateTime.UtcNow;
    }

    public Guid Start<TReport>(CurrentUser owner, string kind, byte[] content, string fileName,
        Func<IServiceProvider, Stream, string, IProgress<ImportProgress>, CancellationToken, Task<Result<TReport>>> run)
    {
        foreach (var old in _jobs.Where(j => j.Value.Done && j.Value.StartedUtc < DateTime.UtcNow.AddHours(-6)).Select(j => j.Key).ToList())
        {
            _jobs.TryRemove(old, out _);
        }

        var id = Guid.NewGuid();
        var job = new Job { OwnerUserId = owner.UserId, Kind = kind };
        _jobs[id] = job;
        var identity = new CurrentUser();
        identity.CopyFrom(owner);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().CopyFrom(identity);
                using var stream = new MemoryStream(content, writable: false);
                var result = await Telemetry.AppTelemetry.RunJobAsync(kind, () => run(scope.ServiceProvider, stream, fileName, new Progress<ImportProgress>(p => job.Progress = p), CancellationToken.None));
                if (result.IsSuccess)
                {
                    job.Report = result.Value;
                }
                else
                {
                    job.Errors = result.Errors;
                }
            }
#pragma warning disable CA1031 // The person waiting on the page must learn that the import failed; details go to the log.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Import {Id} failed", id);
                job.Errors = [DomainError.Rule("import_failed", "Nhập tệp không thành công do lỗi hệ thống; không dữ liệu nào được lưu. Hãy thử lại hoặc báo quản trị viên.")];
            }
            finally
            {
                job.Done = true;
            }
        });
        return id;
    }

    /// <summary>How many jobs are kept (running, or finished within six hours); for tests and diagnostics.</summary>
    public int Count => _jobs.Count;

    /// <summary>The job, if it exists and belongs to this user; otherwise null (the caller answers 404).</summary>
    public Job? Find(Guid id, CurrentUser user) =>
        _jobs.TryGetValue(id, out var job) && job.OwnerUserId == user.UserId ? job : null;
}
