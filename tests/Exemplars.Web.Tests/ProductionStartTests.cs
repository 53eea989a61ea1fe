using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Tests;

/// <summary>A production start (no demo): no known password exists; the first admin comes from configuration.</summary>
public sealed class ProductionStartTests : IClassFixture<ProductionStartTests.ProductionFactory>
{
    private readonly ProductionFactory _app;

    public ProductionStartTests(ProductionFactory app) => _app = app;

    public sealed class ProductionFactory : SqliteAppFactory
    {
        protected override bool Demo => false;

        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = "quantri@tinh.vn",
            ["Bootstrap:AdminPassword"] = "Vung-Tin-2026-Khoi",
            ["Jobs:Enabled"] = "true", // as in production: the scheduler runs
        };
    }

    [Fact]
    public async Task Demo_accounts_do_not_exist_and_the_configured_admin_can_sign_in()
    {
        Assert.False(await _app.WithDb(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.vn"))));
        Assert.Equal(["quantri@tinh.vn"], await _app.WithDb(db => db.Users.Select(u => u.Email!).ToListAsync()));
        var admin = await _app.SignedInAs("quantri@tinh.vn", "Vung-Tin-2026-Khoi");
        using var users = await admin.GetAsync("/Users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        using var anonymous = _app.CreateClient();
        using var login = await Forms.SubmitAsync(anonymous, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "admin@demo.vn", ["Input.Password"] = AppFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_scheduler_runs_the_reminder_and_email_jobs()
    {
        var scheduler = await _app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(new Quartz.JobKey("deadline-reminders")));
        Assert.NotNull(await scheduler.GetJobDetail(new Quartz.JobKey("email-notifications")));
        var hourly = await scheduler.GetTrigger(new Quartz.TriggerKey("deadline-reminders-hourly"));
        Assert.NotNull(hourly?.NextFireTimeUtc);
        // The hosted service starts the scheduler once the application has started, a moment after the host is up.
        for (var i = 0; i < 100 && scheduler.Status != Quartz.SchedulerStatus.Running; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(Quartz.SchedulerStatus.Running, scheduler.Status);
    }

    [Fact]
    public async Task Second_first_admin_is_refused()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await Exemplars.Web.Infrastructure.Data.DatabaseStartup.CreateFirstAdminAsync(scope.ServiceProvider, "khac@tinh.vn", "Vung-Tin-2026-Khoi", CancellationToken.None);
        Assert.False(result.IsSuccess);
        Assert.Equal("admin_exists", result.Errors[0].Code);
    }
}
