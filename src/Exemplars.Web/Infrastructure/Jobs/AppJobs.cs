using Exemplars.Web.Features.Notifications;
using Exemplars.Web.Infrastructure.Email;
using Quartz;

namespace Exemplars.Web.Infrastructure.Jobs;

/// <summary>
/// Background jobs on Quartz (in-memory scheduler): deadline reminders at start-up and every hour, e-mail of notices
/// every minute, the suggestions kept in step with the registry every 20 seconds (ADR 014). The jobs keep no state of their own; what they did is in the database, which makes them idempotent
/// across restarts. "Jobs:Enabled=false" turns the scheduler off (tests call the handlers directly).
/// </summary>
public static class AppJobs
{
    public static IServiceCollection AddAppJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EmailSettings>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<BackgroundWork>();
        services.AddSingleton<IBackgroundWorkKind, Features.People.PeopleImportWork>();
        services.AddSingleton<IBackgroundWorkKind, Features.People.RatingsImportWork>();
        services.AddSingleton<IBackgroundWorkKind, Features.Documents.CertificateBatchWork>();
        services.AddHostedService<BackgroundWorkRecovery>();
        services.AddSingleton<Features.Webhooks.WebhookSettings>();
        services.AddSingleton<Features.Webhooks.WebhookOutbox>();
        services.AddHttpClient(Features.Webhooks.DeliverWebhooks.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }); // a redirect is a failure, never followed with the signature
        if (!configuration.GetValue("Jobs:Enabled", true))
        {
            return services;
        }

        var clustered = Data.DatabaseSetup.Clustered(configuration); // PostgreSQL only: ChangeBroadcast.Validate

        services.AddQuartz(q =>
        {
            if (clustered)
            {
                // Several instances on one PostgreSQL (issue 18, ADR 033): the triggers live in the qrtz_* tables and each
                // firing is taken by exactly one instance under the store's row lock; a job marked DisallowConcurrentExecution
                // never runs on two instances at once; an instance that stops checking in has its fired triggers recovered.
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = "exemplars";
                    o.GenerateInstanceId = true;
                });
                q.UsePersistentStore(store =>
                {
                    store.ProvisionSchema(); // Quartz creates its qrtz_* tables if missing (safe when instances start together); they hold no application data
                    store.ConfigureStore(o =>
                    {
                        o.TablePrefix = "qrtz_";
                        o.StoreJobDataAsStrings = true;
                    });
                    store.UsePostgres(Data.DatabaseSetup.ConnectionString(configuration));
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Cluster:CheckinSeconds", 10));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Cluster:CheckinSeconds", 10) * 2);
                    });
                });
            }

            var reminders = new JobKey("deadline-reminders");
            q.AddJob<DeadlineRemindersJob>(o => o.WithIdentity(reminders));
            q.AddTrigger(t => t.ForJob(reminders).WithIdentity("deadline-reminders-at-start").StartAt(DateTimeOffset.UtcNow.AddSeconds(configuration.GetValue("Jobs:RemindersAtStartSeconds", 20))));
            q.AddTrigger(t => t.ForJob(reminders).WithIdentity("deadline-reminders-hourly").WithCronSchedule(configuration["Jobs:RemindersCron"] ?? "0 5 * * * ?", c => c.InTimeZone(VietnamTime.Zone)));
            var mail = new JobKey("email-notifications");
            q.AddJob<EmailNotificationsJob>(o => o.WithIdentity(mail));
            q.AddTrigger(t => t.ForJob(mail).WithIdentity("email-notifications-every-minute").StartAt(DateTimeOffset.UtcNow.AddSeconds(40))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
            // Imports and certificate batches (ADR 024): triggered when queued, and every 30 s for anything left.
            var webhooks = new JobKey("webhook-deliveries");
            q.AddJob<WebhookDeliveriesJob>(o => o.WithIdentity(webhooks));
            q.AddTrigger(t => t.ForJob(webhooks).WithIdentity("webhook-deliveries-every-15s").StartAt(DateTimeOffset.UtcNow.AddSeconds(15))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(15)).RepeatForever()));

            q.AddJob<BackgroundWorkJob>(o => o.WithIdentity(BackgroundWork.JobKey).StoreDurably());
            q.AddTrigger(t => t.ForJob(BackgroundWork.JobKey).WithIdentity("background-work-every-30s").StartAt(DateTimeOffset.UtcNow.AddSeconds(10))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()));
            var suggestions = new JobKey("suggestion-refresh");
            q.AddJob<SuggestionRefreshJob>(o => o.WithIdentity(suggestions));
            q.AddTrigger(t => t.ForJob(suggestions).WithIdentity("suggestion-refresh-every-20s").StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(20)).RepeatForever()));
            var sweep = new JobKey("file-sweeper");
            q.AddJob<FileSweeperJob>(o => o.WithIdentity(sweep));
            q.AddTrigger(t => t.ForJob(sweep).WithIdentity("file-sweeper-nightly").WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(VietnamTime.Zone)));
            if (!string.IsNullOrWhiteSpace(configuration["Backup:Folder"]))
            {
                // Optional scheduled backups (ADR 023): a Quartz cron in Viet Nam time, by default 01:15 every night.
                var backup = new JobKey("scheduled-backup");
                q.AddJob<ScheduledBackupJob>(o => o.WithIdentity(backup));
                q.AddTrigger(t => t.ForJob(backup).WithIdentity("scheduled-backup-cron").WithCronSchedule(configuration["Backup:Schedule"] ?? "0 15 1 * * ?", c => c.InTimeZone(VietnamTime.Zone)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>
/// A scheduled job: one run in a scope of its own, traced, counted and timed under its Quartz key's name
/// (<see cref="Telemetry.AppTelemetry.RunJobAsync(string, Func{Task})"/>).
/// </summary>
public abstract class ScopedJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Telemetry.AppTelemetry.RunJobAsync(context.JobDetail.Key.Name, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, cancellationToken);
        });
    }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class DeadlineRemindersJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SendDeadlineReminders.Handler>().Handle(cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class EmailNotificationsJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EmailNotifications.Handler>().Handle(cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class WebhookDeliveriesJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Features.Webhooks.DeliverWebhooks.Handler>().Handle(cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class FileSweeperJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Features.Files.SweepFiles.Handler>().Handle(null, cancellationToken);
}

/// <summary>Runs the queued background work. Concurrent runs are allowed: each claims its own job row.</summary>
public sealed class BackgroundWorkJob(BackgroundWork work) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await work.RunPendingAsync(cancellationToken);
}

/// <summary>At start-up, queues again the background work a stop cut short (<see cref="BackgroundWork.RecoverAsync"/>).</summary>
public sealed class BackgroundWorkRecovery(BackgroundWork work, ILogger<BackgroundWorkRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await work.RecoverAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // a failed recovery must not stop the app; the 30-second job tries again
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Recovery of background work failed");
        }
    }
}

[DisallowConcurrentExecution]
public sealed class ScheduledBackupJob(IServiceScopeFactory scopes, IConfiguration configuration) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Operations.Backups>().ScheduledAsync(configuration["Backup:Folder"]!, configuration.GetValue("Backup:Keep", 7), cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class SuggestionRefreshJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Features.Eligibility.RefreshSuggestions.Handler>().RunAsync(TimeSpan.FromSeconds(1), cancellationToken);
}
