using Exemplars.Domain.Reports;
using Exemplars.Web.Features.Notifications;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Exemplars.Web.Tests;

/// <summary>
/// Deadline reminders and e-mail (issue 7.6) against the real database and a real SMTP conversation: 7 days and 1 day
/// before a deadline, only to units that have not sent, and nothing twice when the jobs run again (as after a restart).
/// </summary>
public abstract class RemindersTests(AppFactory app)
{
    private const int Year = 2091; // a year no other test reaches

    private async Task<int> Reminders()
    {
        await using var scope = app.Services.CreateAsyncScope(); // a fresh handler each time, as after a restart
        return await scope.ServiceProvider.GetRequiredService<SendDeadlineReminders.Handler>().Handle(CancellationToken.None);
    }

    private async Task<int> Mail(IReadOnlyDictionary<string, string?> settings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = new EmailSettings(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var handler = new EmailNotifications.Handler(scope.ServiceProvider.GetRequiredService<AppDbContext>(), email, new SmtpMailer(email), app.Clock,
            NullLogger<EmailNotifications.Handler>.Instance);
        return await handler.Handle(CancellationToken.None);
    }

    [Fact]
    public async Task Reminders_go_a_week_and_a_day_ahead_to_units_that_have_not_sent_and_are_emailed_once()
    {
        var (periodId, sentUnit, units) = await app.WithDb(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Code == "2021-2025");
            var period = new ReportingPeriod { PlanId = plan.Id, Kind = ReportPeriodKind.Annual, Year = Year, From = new DateOnly(Year, 1, 1), To = new DateOnly(Year, 12, 15), Deadline = new DateOnly(Year, 12, 20) };
            db.ReportingPeriods.Add(period);
            await db.SaveChangesAsync();
            var sentUnit = await db.Users.Where(u => u.Email == "coso1@demo.vn").Select(u => u.OrganizationId).SingleAsync();
            db.PeriodicReports.Add(new PeriodicReport { ReportingPeriodId = period.Id, OrganizationId = sentUnit, Status = ReportStatus.Submitted, Narrative = "Đã gửi.", SubmittedAtUtc = new DateTime(Year, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
            var units = await db.Organizations.CountAsync(o => o.Kind == Domain.Organizations.OrganizationKind.Grassroots && o.IsActive);
            return (period.Id, sentUnit, units);
        });
        Task<List<string>> Keys() => app.WithDb(db => db.SentReminders.Where(r => r.Key.StartsWith($"report:{periodId}:")).Select(r => r.Key).ToListAsync());

        await using var smtp = new SmtpSink();
        var mail = new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1", ["Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Email:Security"] = "None",
            ["Email:From"] = "tgdv@khoi.example.vn", ["Email:BaseUrl"] = "https://guong.example.vn",
        };
        try
        {
            app.Clock.SetUtcNow(new DateTimeOffset(Year, 12, 12, 1, 0, 0, TimeSpan.Zero)); // 8 days ahead: nothing yet
            await Reminders();
            Assert.Empty(await Keys());

            app.Clock.SetUtcNow(new DateTimeOffset(Year, 12, 13, 1, 0, 0, TimeSpan.Zero)); // 7 days ahead
            await Task.WhenAll(Reminders(), Reminders()); // two servers at once: the unique key lets only one notice per unit through
            var week = await Keys();
            Assert.Equal(units - 1, week.Count);
            Assert.All(week, k => Assert.EndsWith($":d7:{Year}-12-20", k, StringComparison.Ordinal));
            Assert.DoesNotContain(week, k => k.StartsWith($"report:{periodId}:org:{sentUnit}:", StringComparison.Ordinal));
            await Reminders(); // again, later the same day or after a restart: nothing new
            app.Clock.SetUtcNow(new DateTimeOffset(Year, 12, 15, 1, 0, 0, TimeSpan.Zero)); // still in the week window
            await Reminders();
            Assert.Equal(units - 1, (await Keys()).Count);
            var notices = await app.WithDb(db => db.Notifications.CountAsync(n => n.Link == $"/Reports/Edit?periodId={periodId}"));
            Assert.Equal(units - 1, notices);
            var text = await app.WithDb(db => db.Notifications.Where(n => n.Link == $"/Reports/Edit?periodId={periodId}").Select(n => n.Text).FirstAsync());
            Assert.Equal($"Nhắc hạn: còn 7 ngày (hạn 20/12/{Year}) để gửi báo cáo năm {Year}; đơn vị chưa gửi.", text);

            // E-mail off: nothing is claimed.
            Assert.Equal(0, await Mail(new Dictionary<string, string?>()));
            Assert.Equal(0, await app.WithDb(db => db.Notifications.CountAsync(n => n.EmailedAtUtc != null && n.Link == $"/Reports/Edit?periodId={periodId}")));

            app.Clock.SetUtcNow(new DateTimeOffset(Year, 12, 19, 1, 0, 0, TimeSpan.Zero)); // the day before
            await Reminders();
            await Reminders();
            var all = await Keys();
            Assert.Equal(2 * (units - 1), all.Count);
            Assert.Equal(units - 1, all.Count(k => k.Contains(":d1:", StringComparison.Ordinal)));

            // E-mail on: the notices of the last two days (the day-before ones) go to each unit's clerks, once.
            // coso2 … coso5 have accounts (coso1's unit has sent); other tests of this app may give another unit a clerk.
            var sent = await Mail(mail);
            Assert.True(sent >= 4, $"{sent} notices e-mailed");
            Assert.Equal(0, await Mail(mail));
            Assert.Equal(sent, smtp.Messages.Count);
            // The demo clerks of those units (other tests of this app add clerks to the same units: they get it too).
            Assert.Equal(["coso2@demo.vn", "coso3@demo.vn", "coso4@demo.vn", "coso5@demo.vn"], smtp.Messages.SelectMany(m => m.Recipients).Where(r => r.EndsWith("@demo.vn", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
            var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(smtp.Messages[0].Data)));
            Assert.StartsWith("[Gương điển hình] Nhắc hạn: còn 1 ngày", message.Subject, StringComparison.Ordinal);
            Assert.Contains($"https://guong.example.vn/Reports/Edit?periodId={periodId}", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(message.To.Mailboxes, m => m.Address.EndsWith("@demo.vn", StringComparison.Ordinal)); // clerks are in Bcc only
            var noRecipient = await app.WithDb(db => db.Notifications.CountAsync(n => n.Link == $"/Reports/Edit?periodId={periodId}" && n.EmailError != null));
            Assert.Equal(units - 1 - sent, noRecipient); // every other notice records that its unit has nobody to e-mail

            // Notices for the secretariat reach it although its board is not above the unit in the tree: it sees the whole bloc.
            await app.WithDb(async db =>
            {
                db.Notifications.Add(new Domain.Nominations.Notification
                {
                    OrganizationId = sentUnit, Roles = Domain.Users.Roles.Secretariat, Text = "Đơn vị đã gửi báo cáo năm.", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                });
                return await db.SaveChangesAsync();
            });
            Assert.Equal(1, await Mail(mail));
            Assert.Contains("tgdv@demo.vn", smtp.Messages[^1].Recipients);
            Assert.DoesNotContain(smtp.Messages[^1].Recipients, r => r.StartsWith("coso", StringComparison.Ordinal));

            app.Clock.SetUtcNow(new DateTimeOffset(Year, 12, 21, 1, 0, 0, TimeSpan.Zero)); // past the deadline: no more reminders
            Assert.Equal(0, await Reminders());
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Round_reminders_follow_each_units_extension()
    {
        const int year = Year + 1;
        var (roundId, extended, units) = await app.WithDb(async db =>
        {
            // A round of its own (rating years in the past, so it never becomes any page's default round).
            var plan = new Domain.Plans.Plan { Code = $"{year}-{year + 4}", Name = "Kế hoạch thử nhắc hạn" };
            var round = new Domain.Plans.Round
            {
                Code = $"T{year}", Name = $"Sơ kết thử {year}", FirstRatingYear = 1999, LastRatingYear = 2000, ReviewFromYear = 1999, ReviewToYear = 2000,
                GrassrootsDeadline = new DateOnly(year, 3, 30), CeremonyDate = new DateOnly(year, 5, 19),
            };
            plan.Rounds.Add(round);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var extended = await db.Users.Where(u => u.Email == "coso2@demo.vn").Select(u => u.OrganizationId).SingleAsync();
            db.DeadlineExtensions.Add(new Domain.Nominations.DeadlineExtension { RoundId = round.Id, OrganizationId = extended, Until = new DateOnly(year, 4, 10), Reason = "Thử", GrantedBy = "t", GrantedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var units = await db.Organizations.CountAsync(o => o.Kind == Domain.Organizations.OrganizationKind.Grassroots && o.IsActive);
            return (round.Id, extended, units);
        });
        Task<List<string>> Keys() => app.WithDb(db => db.SentReminders.Where(r => r.Key.StartsWith($"round:{roundId}:")).Select(r => r.Key).ToListAsync());
        try
        {
            app.Clock.SetUtcNow(new DateTimeOffset(year, 3, 23, 1, 0, 0, TimeSpan.Zero));
            await Reminders();
            var first = await Keys();
            Assert.Equal(units - 1, first.Count); // everyone but the unit with an extension
            Assert.DoesNotContain(first, k => k.StartsWith($"round:{roundId}:org:{extended}:", StringComparison.Ordinal));
            var text = await app.WithDb(db => db.Notifications.Where(n => n.Text.Contains($"Sơ kết thử {year}")).Select(n => n.Text).FirstAsync());
            Assert.Equal($"Nhắc hạn: còn 7 ngày (hạn 30/03/{year}) để gửi hồ sơ đề nghị Sơ kết thử {year}; đơn vị chưa gửi hồ sơ nào.", text);

            app.Clock.SetUtcNow(new DateTimeOffset(year, 4, 3, 1, 0, 0, TimeSpan.Zero)); // 7 days before the extension
            await Reminders();
            Assert.Contains($"round:{roundId}:org:{extended}:d7:{year}-04-10", await Keys());
            Assert.Equal(units, (await Keys()).Count);
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class RemindersTests_Sqlite(SqliteAppFactory app) : RemindersTests(app);

[Collection(PostgresApp.Name)]
public sealed class RemindersTests_Postgres(PostgresAppFactory app) : RemindersTests(app);
