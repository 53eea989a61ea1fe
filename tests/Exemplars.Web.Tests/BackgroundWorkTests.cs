using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>
/// Issue 15, item 8 (ADR 024): imports and certificate batches are rows in the database, so a restart neither loses nor
/// repeats them: a run cut short is run again once at the next start, a finished one never, one cut short too often
/// fails with a message; the owner's page reads the state from the database.
/// </summary>
public abstract class BackgroundWorkTests(AppFactory app)
{
    private BackgroundWork Work => app.Services.GetRequiredService<BackgroundWork>();

    private async Task<Guid> Row(string ownerEmail, string code, BackgroundJobState state, int attempts)
    {
        var workbook = Spreadsheet.Write(ImportPeople.Headers, [[code, "Phạm Khởi Động", "05/09/1980", "Nam", "Kinh", "Chuyên viên", "CS001", "Có", 2010, "Không", "", "3.2.5"]]);
        var input = await app.Services.GetRequiredService<IFileStore>().PutAsync(workbook, CancellationToken.None);
        return await app.WithDb(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == ownerEmail).Select(u => u.Id).SingleAsync();
            var job = new BackgroundJob
            {
                Id = Guid.NewGuid(), Kind = "people", OwnerUserId = owner, Argument = "nguoi.xlsx", InputAddress = input.Address, State = state, Attempts = attempts,
                CreatedAtUtc = DateTime.UtcNow, StartedAtUtc = state == BackgroundJobState.Queued ? null : DateTime.UtcNow,
                FinishedAtUtc = state == BackgroundJobState.Done ? DateTime.UtcNow : null,
                ResultJson = state == BackgroundJobState.Done ? """{"Rows":1,"Created":1,"Updated":0,"Unchanged":0,"Errors":[],"ErrorCount":0}""" : null,
            };
            db.BackgroundJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
    }

    private Task<BackgroundJob> Read(Guid id) => app.WithDb(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private Task<int> People(string code) => app.WithDb(db => db.People.CountAsync(p => p.Code == code));

    [Fact]
    public async Task A_run_cut_short_by_a_stop_runs_again_once_and_a_finished_one_never()
    {
        var cutShort = "KD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var finished = "KD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var tooOften = "KD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var interrupted = await Row("tgdv@demo.vn", cutShort, BackgroundJobState.Running, attempts: 1);
        var done = await Row("tgdv@demo.vn", finished, BackgroundJobState.Done, attempts: 1);
        var given = await Row("tgdv@demo.vn", tooOften, BackgroundJobState.Running, attempts: BackgroundWork.MaxAttempts);

        await Work.RecoverAsync(CancellationToken.None); // what the next start does
        for (var i = 0; i < 300 && (await Read(interrupted)).State != BackgroundJobState.Done; i++)
        {
            await Task.Delay(100);
        }

        var rerun = await Read(interrupted);
        Assert.Equal(BackgroundJobState.Done, rerun.State);
        Assert.Equal(2, rerun.Attempts);
        Assert.Equal(1, await People(cutShort));
        Assert.Equal(BackgroundJobState.Done, (await Read(done)).State);
        Assert.Equal(1, (await Read(done)).Attempts);
        Assert.Equal(0, await People(finished)); // a finished job is not run again
        var failed = await Read(given);
        Assert.Equal(BackgroundJobState.Failed, failed.State);
        Assert.Contains("job_interrupted", failed.ErrorsJson, StringComparison.Ordinal);
        Assert.Equal(0, await People(tooOften));

        // Starting again changes nothing: nothing is left running, nothing runs twice.
        await Work.RecoverAsync(CancellationToken.None);
        await Work.RunPendingAsync(CancellationToken.None);
        Assert.Equal(1, await People(cutShort));
        Assert.Equal(2, (await Read(interrupted)).Attempts);

        // The owner's page reads the result from the database; another account's page does not find it.
        var owner = await app.SignedInAs("tgdv@demo.vn");
        var page = await owner.GetStringAsync($"/People/Import?job={interrupted}");
        Assert.Contains("Đã nhập 1 dòng: thêm mới 1", page, StringComparison.Ordinal);
        Assert.Contains("Công việc bị dừng giữa chừng", await owner.GetStringAsync($"/People/Import?job={given}"), StringComparison.Ordinal);
        var other = await app.SignedInAs("admin@demo.vn");
        using var foreign = await other.GetAsync($"/People/Import?job={interrupted}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Two_runners_claiming_one_job_run_it_once()
    {
        var code = "KD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var id = await Row("tgdv@demo.vn", code, BackgroundJobState.Queued, attempts: 0);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Work.RunOneAsync(id, CancellationToken.None))));
        var job = await Read(id);
        Assert.Equal(BackgroundJobState.Done, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(1, await People(code));
    }
}

[Collection(SqliteApp.Name)]
public sealed class BackgroundWorkTests_Sqlite(SqliteAppFactory app) : BackgroundWorkTests(app);

[Collection(PostgresApp.Name)]
public sealed class BackgroundWorkTests_Postgres(PostgresAppFactory app) : BackgroundWorkTests(app);

/// <summary>The app with its Quartz scheduler on, as in production: an import started from the page runs as a Quartz job.</summary>
public sealed class ScheduledAppFactory : SqliteAppFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Jobs:Enabled"] = "true" };
}

public sealed class BackgroundWorkOnSchedulerTests(ScheduledAppFactory app) : IClassFixture<ScheduledAppFactory>
{
    [Fact]
    public async Task An_import_started_on_the_page_runs_on_the_scheduler_and_its_page_shows_the_result()
    {
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        for (var i = 0; i < 100 && scheduler.Status != Quartz.SchedulerStatus.Running; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await scheduler.Exists(BackgroundWork.JobKey));
        var code = "LT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var workbook = Spreadsheet.Write(ImportPeople.Headers, [[code, "Đỗ Lịch Trình", "05/09/1980", "Nam", "Kinh", "Chuyên viên", "CS001", "Có", 2010, "Không", "", "3.2.5"]]);
        var secretariat = await app.SignedInAs("tgdv@demo.vn");
        var page = await Forms.GetDocumentAsync(secretariat, "/People/Import");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.GetAttribute("action")!.Contains("handler=People", StringComparison.Ordinal));
        using var started = await Forms.SubmitAsync(secretariat, "/People/Import", form, new Dictionary<string, string>(), ("file", "nguoi.xlsx", workbook));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = Guid.Parse(started.Headers.Location!.ToString().Split("job=")[1]);
        for (var i = 0; i < 300 && (await app.WithDb(db => db.BackgroundJobs.SingleAsync(j => j.Id == job))).FinishedAtUtc is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Đã nhập 1 dòng: thêm mới 1", await secretariat.GetStringAsync($"/People/Import?job={job}"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.Code == code)));
    }
}

/// <summary>One of several instances on one PostgreSQL (<c>Cluster:Enabled</c>, ADR 033), scheduler off: the tests drive recovery.</summary>
public sealed class ClusteredPostgresFactory : PostgresAppFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Cluster:Enabled"] = "true", ["Ballots:CustodyKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
}

/// <summary>
/// Issue 18: with several instances, starting (or the 30-second sweep of) one instance must not take over the work another
/// live instance is running — only a row whose heartbeat went stale, whose instance stopped.
/// </summary>
public sealed class BackgroundWorkAcrossInstancesTests(ClusteredPostgresFactory app) : IClassFixture<ClusteredPostgresFactory>
{
    private async Task<(Guid Id, string Code)> Running(DateTime? heartbeat)
    {
        var code = "HB" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var workbook = Spreadsheet.Write(ImportPeople.Headers, [[code, "Lê Nhịp Tim", "05/09/1980", "Nam", "Kinh", "Chuyên viên", "CS001", "Có", 2010, "Không", "", "3.2.5"]]);
        var input = await app.Services.GetRequiredService<IFileStore>().PutAsync(workbook, CancellationToken.None);
        var id = await app.WithDb(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == "tgdv@demo.vn").Select(u => u.Id).SingleAsync();
            var job = new BackgroundJob
            {
                Id = Guid.NewGuid(), Kind = "people", OwnerUserId = owner, Argument = "nguoi.xlsx", InputAddress = input.Address, State = BackgroundJobState.Running, Attempts = 1,
                CreatedAtUtc = DateTime.UtcNow, StartedAtUtc = DateTime.UtcNow.AddMinutes(-5), HeartbeatAtUtc = heartbeat,
            };
            db.BackgroundJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        return (id, code);
    }

    [Fact]
    public async Task A_job_another_instance_is_running_is_left_alone_and_one_whose_instance_stopped_runs_again_once()
    {
        var work = app.Services.GetRequiredService<BackgroundWork>();
        var (alive, aliveCode) = await Running(DateTime.UtcNow);
        var (orphan, orphanCode) = await Running(DateTime.UtcNow - BackgroundWork.StaleAfter - TimeSpan.FromSeconds(5));

        await work.RecoverAsync(CancellationToken.None); // this instance starts while the other runs its job
        await work.RunPendingAsync(CancellationToken.None); // and sweeps the queue as its 30-second job does
        for (var i = 0; i < 300 && (await app.WithDb(db => db.BackgroundJobs.SingleAsync(j => j.Id == orphan))).State != BackgroundJobState.Done; i++)
        {
            await Task.Delay(100);
        }

        var taken = await app.WithDb(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == orphan));
        Assert.Equal(BackgroundJobState.Done, taken.State);
        Assert.Equal(2, taken.Attempts);
        Assert.Equal(1, await app.WithDb(db => db.People.CountAsync(p => p.Code == orphanCode)));

        var left = await app.WithDb(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == alive));
        Assert.Equal(BackgroundJobState.Running, left.State);
        Assert.Equal(1, left.Attempts);
        Assert.Equal(0, await app.WithDb(db => db.People.CountAsync(p => p.Code == aliveCode)));
    }

    [Fact]
    public async Task A_suggestion_refresh_waits_while_another_instance_refreshes()
    {
        // Another instance holds the refresh's lock: this one gives up after its wait instead of writing rows beside it.
        await using var other = new Npgsql.NpgsqlConnection(Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "Default"));
        await other.OpenAsync();
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(7312024018)", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var refreshed = await app.WithScope(sp => sp.GetRequiredService<Features.Eligibility.RefreshSuggestions.Handler>().RunAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.False(refreshed);

        await using (var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(7312024018)", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        Assert.True(await app.WithScope(sp => sp.GetRequiredService<Features.Eligibility.RefreshSuggestions.Handler>().RunAsync(TimeSpan.FromSeconds(5), CancellationToken.None)));
    }
}
