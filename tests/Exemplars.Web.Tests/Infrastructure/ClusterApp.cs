using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// The README's several-instance deployment (issue 18, ADR 033): one PostgreSQL database, two app processes
/// (Production, <c>Cluster:Enabled</c>, Quartz on, files in the database) behind Debian's nginx round-robin with the
/// README's site file. An in-process app on the same database (jobs off) creates it with the demo data and prepares what
/// the tests need before the two processes start; it is a third instance, never the one the tests judge.
/// </summary>
public sealed class ClusterApp : IAsyncLifetime
{
    /// <summary>Posts one address may make to the public comment form and API per window, across every instance.</summary>
    public const int CommentPermits = 3;

    /// <summary>The key every instance seals the ballot key shares with (a deployment's secret; here a throwaway one).</summary>
    public static readonly string CustodyKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public ClusterApp()
    {
        foreach (var app in Proxy.Apps)
        {
            app.Settings["Database__Provider"] = "Postgres";
            app.Settings["ConnectionStrings__Default"] = Setup.Connection;
            app.Settings["Demo__Enabled"] = "false";
            app.Settings["Jobs__Enabled"] = "true";
            app.Settings["Cluster__Enabled"] = "true";
            app.Settings["Ballots__CustodyKey"] = CustodyKey;
            app.Settings["Cluster__CheckinSeconds"] = "5";
            app.Settings["Storage__Backend"] = "Database";
            app.Settings["PublicComments__PermitPerWindow"] = CommentPermits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            app.Settings["Jobs__RemindersAtStartSeconds"] = "3600";
            app.Settings["Jobs__RemindersCron"] = "0/20 * * * * ?"; // every 20 s on the clock: each firing must run on one instance only
        }
    }

    public SetupFactory Setup { get; } = new();

    public ProxiedApp Proxy { get; } = new(instances: 2);

    /// <summary>A dossier open for public comment (the comment form's candidate).</summary>
    public int CommentedNomination { get; private set; }

    /// <summary>A draft dossier of CS001 that coso1 may add evidence to.</summary>
    public int DraftNomination { get; private set; }

    /// <summary>The round whose deadline is three days away: every unit that has not sent is owed one reminder.</summary>
    public string DueRound { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Setup.InitializeAsync();
        using var clerk = await Setup.BearerAs("coso1@demo.vn");
        using var secretariat = await Setup.BearerAs("tgdv@demo.vn");
        CommentedNomination = await Dossiers.VerifiedAsync(Setup, clerk, secretariat);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Dossiers.Vietnam).DateTime);
        using (var opened = await secretariat.PostAsJsonAsync("/api/v1/comment-periods", new
        {
            round = "2021-2025",
            startsOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endsOn = today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            nominationIds = new[] { CommentedNomination },
        }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, opened.StatusCode);
        }

        DraftNomination = await Dossiers.DraftAsync(Setup, clerk);

        DueRound = await Setup.WithDb(async db =>
        {
            var round = await db.Rounds.OrderByDescending(r => r.GrassrootsDeadline).FirstAsync(r => r.Code != "2021-2025");
            round.GrassrootsDeadline = today.AddDays(3);
            await db.SaveChangesAsync();
            return round.Name;
        });

        await Proxy.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync(); // the processes stop before their database is dropped
        await ((IAsyncLifetime)Setup).DisposeAsync();
    }

    /// <summary>The in-process app that creates the shared database; the processes use its connection string.</summary>
    public sealed class SetupFactory : PostgresAppFactory
    {
        public string Connection => ConnectionString;

        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Cluster:Enabled"] = "true", ["Ballots:CustodyKey"] = CustodyKey };
    }
}
