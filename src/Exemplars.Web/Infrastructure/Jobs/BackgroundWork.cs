using System.Text.Json;
using Exemplars.Domain.Common;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Exemplars.Web.Infrastructure.Jobs;

/// <summary>
/// A kind of long work a page starts (ADR 024). It runs in a scope whose <see cref="CurrentUser"/> is the account that
/// started it, so the same scope and role rules apply as on the page.
/// </summary>
public interface IBackgroundWorkKind
{
    string Kind { get; }

    Task<BackgroundOutcome> RunAsync(IServiceProvider services, string? argument, Stream? input, IProgress<ImportProgress> progress, CancellationToken cancellationToken);

    /// <summary>The report kept as JSON, read back for the page (null when the kind has none).</summary>
    object? ReadReport(string json);
}

/// <summary>What a run produced: a refusal, or a report (JSON) and/or a file to download.</summary>
public sealed record BackgroundOutcome(IReadOnlyList<DomainError>? Errors, string? ResultJson = null, byte[]? Output = null, string? OutputName = null, string? OutputContentType = null)
{
    public static BackgroundOutcome From<T>(Result<T> result) =>
        result.IsSuccess ? new BackgroundOutcome(null, JsonSerializer.Serialize(result.Value)) : new BackgroundOutcome(result.Errors);
}

/// <summary>
/// Queues long work in the database and runs it: on the Quartz scheduler when jobs are on (a trigger at once, and one
/// every 30 seconds that picks up anything left), otherwise at once on the thread pool. A run first claims its row
/// (Queued → Running in one UPDATE), so it runs once however many runners look; progress is written to the row; a run
/// cut short by a stop is queued again at the next start (<see cref="RecoverAsync"/>), at most
/// <see cref="MaxAttempts"/> times. The imports are all-or-nothing in one transaction, so a run cut short saved nothing.
/// With several instances (<c>Cluster:Enabled</c>, ADR 033) a running job's row is touched every
/// <see cref="HeartbeatEvery"/>; a row left Running whose heartbeat is older than <see cref="StaleAfter"/> belonged to an
/// instance that stopped, and any instance queues it again — never a row another live instance is running.
/// </summary>
public sealed class BackgroundWork(IServiceScopeFactory scopes, IFileStore files, TimeProvider clock, IEnumerable<IBackgroundWorkKind> kinds, IServiceProvider root, IConfiguration configuration, ILogger<BackgroundWork> logger)
{
    public const int MaxAttempts = 3;

    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private readonly bool _clustered = DatabaseSetup.Clustered(configuration);

    public static readonly JobKey JobKey = new("background-work");

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    private readonly Dictionary<string, IBackgroundWorkKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>What the owner's page shows.</summary>
    public sealed record Job(Guid Id, string Kind, bool Done, ImportProgress Progress, IReadOnlyList<DomainError>? Errors, object? Report, string? OutputAddress, string? OutputName, string? OutputContentType);

    public async Task<Guid> EnqueueAsync(CurrentUser owner, string kind, string? argument, byte[]? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!_kinds.ContainsKey(kind))
        {
            throw new ArgumentException($"Unknown background work '{kind}'.", nameof(kind));
        }

        var address = input is null ? null : (await files.PutAsync(input, cancellationToken)).Address;
        var job = new BackgroundJob
        {
            Id = Guid.NewGuid(), Kind = kind, OwnerUserId = owner.UserId, Argument = argument, InputAddress = address,
            State = BackgroundJobState.Queued, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.BackgroundJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
        }

        await KickAsync(job.Id);
        return job.Id;
    }

    /// <summary>The job if it exists and is this user's; otherwise null (the page answers 404).</summary>
    public async Task<Job?> FindAsync(Guid id, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundJobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.Id == id && j.OwnerUserId == user.UserId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var done = row.State is BackgroundJobState.Done or BackgroundJobState.Failed;
        var errors = row.ErrorsJson is null ? null : JsonSerializer.Deserialize<List<DomainError>>(row.ErrorsJson);
        var report = row.ResultJson is not null && _kinds.TryGetValue(row.Kind, out var kind) ? kind.ReadReport(row.ResultJson) : null;
        return new Job(row.Id, row.Kind, done, new ImportProgress(row.Stage, row.ProgressDone, row.ProgressTotal), errors, report, row.OutputAddress, row.OutputName, row.OutputContentType);
    }

    /// <summary>Starts the work (one job, or the whole queue): a Quartz trigger when the scheduler runs, else a run on the thread pool.</summary>
    private async Task KickAsync(Guid? id)
    {
        if (root.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler();
            if (scheduler.Status == SchedulerStatus.Running)
            {
                await scheduler.TriggerJob(JobKey);
                return;
            }
        }

        _ = Task.Run(() => id is { } one ? RunOneAsync(one, CancellationToken.None) : RunPendingAsync(CancellationToken.None));
    }

    /// <summary>Runs every queued job, oldest first (the scheduled job).</summary>
    public async Task RunPendingAsync(CancellationToken cancellationToken)
    {
        if (_clustered)
        {
            await using var scope = scopes.CreateAsyncScope();
            await RequeueOrphansAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            Guid? next;
            await using (var scope = scopes.CreateAsyncScope())
            {
                next = await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundJobs
                    .Where(j => j.State == BackgroundJobState.Queued).OrderBy(j => j.CreatedAtUtc).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            }

            if (next is not { } id)
            {
                return;
            }

            await RunOneAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// At start-up: a job left Running was cut short by a stop — with one instance, every such row; with several, a row
    /// whose heartbeat went stale — queued again, or failed after <see cref="MaxAttempts"/> starts; finished jobs older than
    /// a week forgotten. Then the queue is started.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await RequeueOrphansAsync(db, cancellationToken);
            var old = clock.GetUtcNow().UtcDateTime - KeptFor;
            await db.BackgroundJobs.Where(j => j.FinishedAtUtc != null && j.FinishedAtUtc < old).ExecuteDeleteAsync(cancellationToken);
        }

        await KickAsync(null);
    }

    /// <summary>Rows left Running by a stopped runner: queued again, or failed once they were started <see cref="MaxAttempts"/> times.</summary>
    private async Task RequeueOrphansAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var beatBefore = _clustered ? now - StaleAfter : DateTime.MaxValue;
        var orphans = db.BackgroundJobs.Where(j => j.State == BackgroundJobState.Running && (j.HeartbeatAtUtc == null || j.HeartbeatAtUtc < beatBefore));
        var failed = JsonSerializer.Serialize(new[] { DomainError.Rule("job_interrupted", $"Công việc bị dừng giữa chừng {MaxAttempts} lần khi hệ thống khởi động lại; không dữ liệu nào của lần chạy dở được lưu. Hãy thực hiện lại.") });
        await orphans.Where(j => j.Attempts >= MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobState.Failed).SetProperty(j => j.ErrorsJson, failed).SetProperty(j => j.FinishedAtUtc, now), cancellationToken);
        var requeued = await orphans
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobState.Queued).SetProperty(j => j.Stage, "Đang chờ chạy lại"), cancellationToken);
        if (requeued > 0)
        {
            logger.LogWarning("{Count} background jobs cut short by a stop were queued again", requeued);
        }
    }

    /// <summary>Claims the job (Queued → Running in one UPDATE) and runs it; does nothing when another runner has it.</summary>
    public async Task RunOneAsync(Guid id, CancellationToken cancellationToken)
    {
        BackgroundJob? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.BackgroundJobs.Where(j => j.Id == id && j.State == BackgroundJobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobState.Running).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAtUtc, now).SetProperty(j => j.HeartbeatAtUtc, now).SetProperty(j => j.Stage, "Đang xử lý"), cancellationToken);
            if (claimed == 0)
            {
                return;
            }

            job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        }

        BackgroundOutcome outcome;
        var progress = new ProgressWriter(scopes, clock, logger, id);
        using var beating = new CancellationTokenSource();
        var heartbeat = BeatAsync(id, job.Attempts, beating.Token);
        try
        {
            outcome = await Telemetry.AppTelemetry.RunJobAsync(job.Kind, () => RunAsync(job, progress, cancellationToken));
        }
#pragma warning disable CA1031 // The person waiting on the page must learn that the work failed; details go to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Background job {Id} ({Kind}) failed", id, job.Kind);
            outcome = new BackgroundOutcome([DomainError.Rule("job_failed", "Công việc không thành công do lỗi hệ thống; không dữ liệu nào được lưu. Hãy thử lại hoặc báo quản trị viên.")]);
        }

        finally
        {
            await beating.CancelAsync();
            await heartbeat;
        }

        await progress.DrainAsync();
        var output = outcome.Output is null ? null : (await files.PutAsync(outcome.Output, CancellationToken.None)).Address;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var finished = clock.GetUtcNow().UtcDateTime;
            var errors = outcome.Errors is { Count: > 0 } list ? JsonSerializer.Serialize(list) : null;
            var attempt = job.Attempts;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundJobs.Where(j => j.Id == id && j.State == BackgroundJobState.Running && j.Attempts == attempt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, errors is null ? BackgroundJobState.Done : BackgroundJobState.Failed)
                    .SetProperty(j => j.Stage, "Xong")
                    .SetProperty(j => j.ResultJson, outcome.ResultJson)
                    .SetProperty(j => j.ErrorsJson, errors)
                    .SetProperty(j => j.OutputAddress, output)
                    .SetProperty(j => j.OutputName, outcome.OutputName)
                    .SetProperty(j => j.OutputContentType, outcome.OutputContentType)
                    .SetProperty(j => j.FinishedAtUtc, finished), CancellationToken.None);
        }
    }

    /// <summary>Touches the row every <see cref="HeartbeatEvery"/> while this run holds it (its attempt), so other instances leave it alone.</summary>
    private async Task BeatAsync(Guid id, int attempt, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var now = clock.GetUtcNow().UtcDateTime;
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundJobs.Where(j => j.Id == id && j.State == BackgroundJobState.Running && j.Attempts == attempt)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAtUtc, now), cancellationToken);
                }
#pragma warning disable CA1031 // a missed heartbeat is tried again at the next tick; the work goes on
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "Heartbeat of background job {Id} not written", id);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<BackgroundOutcome> RunAsync(BackgroundJob job, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        if (!_kinds.TryGetValue(job.Kind, out var kind))
        {
            return new BackgroundOutcome([DomainError.Rule("job_unknown", "Loại công việc này không còn được hỗ trợ.")]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == job.OwnerUserId && u.IsActive && u.Organization != null)
            .Select(u => new { u.Email, u.FullName, u.Role, OrganizationId = u.Organization!.Id, OrganizationName = u.Organization.Name, OrganizationPath = u.Organization.Path })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return new BackgroundOutcome([DomainError.Rule("job_owner_inactive", "Tài khoản khởi tạo công việc không còn hoạt động; công việc không được thực hiện.")]);
        }

        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(job.OwnerUserId, owner.Email ?? string.Empty, owner.FullName, owner.Role, owner.OrganizationId, owner.OrganizationName, owner.OrganizationPath);
        await using var input = job.InputAddress is null ? null : files.Open(job.InputAddress);
        return await kind.RunAsync(scope.ServiceProvider, job.Argument, input, progress, cancellationToken);
    }

    /// <summary>Writes progress to the job's row at most every half second, one write at a time, the last one always.</summary>
    private sealed class ProgressWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, Guid id) : IProgress<ImportProgress>
    {
        private readonly Lock _gate = new();
        private ImportProgress? _pending;
        private Task _writing = Task.CompletedTask;
        private DateTime _lastWrite = DateTime.MinValue;

        public void Report(ImportProgress value)
        {
            lock (_gate)
            {
                _pending = value;
                if (!_writing.IsCompleted || DateTime.UtcNow - _lastWrite < ProgressEvery)
                {
                    return;
                }

                _lastWrite = DateTime.UtcNow;
                _writing = WriteAsync();
            }
        }

        public async Task DrainAsync()
        {
            Task writing;
            lock (_gate)
            {
                writing = _writing;
            }

            await writing;
        }

        private async Task WriteAsync()
        {
            ImportProgress? value;
            lock (_gate)
            {
                value = _pending;
                _pending = null;
            }

            if (value is null)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow().UtcDateTime;
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackgroundJobs.Where(j => j.Id == id && j.State == BackgroundJobState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, value.Stage).SetProperty(j => j.ProgressDone, value.Done).SetProperty(j => j.ProgressTotal, value.Total).SetProperty(j => j.HeartbeatAtUtc, now));
            }
#pragma warning disable CA1031 // progress is best-effort; the work goes on
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Progress of background job {Id} not written", id);
            }
        }
    }
}
