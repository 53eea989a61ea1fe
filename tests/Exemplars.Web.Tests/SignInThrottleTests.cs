using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Exemplars.Web.Tests;

/// <summary>
/// ADR 018: guesses are slowed per account and address, and nobody can lock a member out from elsewhere. The throttle
/// runs on the app's real database (its counters are shared by every instance, issue 18) with a clock of its own.
/// </summary>
public abstract class SignInThrottleTests(AppFactory app)
{
    private const string Member = "btv1@demo.vn";
    private static readonly int[] FailureCounts = [5, 6, 7, 8, 9, 40];

    // Addresses of this test run only: the counters live in the shared test database.
    private readonly string _stranger = $"203.0.113.{Random.Shared.Next(1, 255)}-{Guid.NewGuid():N}";
    private readonly string _office = $"10.1.2.3-{Guid.NewGuid():N}";

    private async Task Run(Func<SignInThrottle, FakeTimeProvider, Task> test, int addressLimit = 50)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SignIn:AddressFailuresPer15Minutes"] = $"{addressLimit}" }).Build();
        await app.WithScope(async services =>
        {
            await test(new SignInThrottle(services.GetRequiredService<RateCounters>(), clock, configuration), clock);
            return 0;
        });
    }

    [Fact]
    public void Pauses_grow_from_one_minute_to_at_most_fifteen()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.Pause(4));
        Assert.Equal([1, 2, 4, 8, 15, 15], FailureCounts.Select(n => SignInThrottle.Pause(n).TotalMinutes));
    }

    [Fact]
    public Task A_stranger_guessing_pauses_only_the_stranger_and_the_member_signs_in_from_the_office() => Run(async (throttle, clock) =>
    {
        for (var i = 0; i < 4; i++)
        {
            await throttle.FailedAsync(Member, _stranger);
        }

        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync(Member, _stranger));
        await throttle.FailedAsync(Member, _stranger);
        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.PauseLeftAsync(Member, _stranger));
        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.PauseLeftAsync(" BTV1@demo.vn ", _stranger));
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync(Member, _office));

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync(Member, _stranger));
        await throttle.FailedAsync(Member, _stranger);
        Assert.Equal(TimeSpan.FromMinutes(2), await throttle.PauseLeftAsync(Member, _stranger));

        // A day without failures forgets the run: the next failure is the first again.
        clock.Advance(TimeSpan.FromHours(25));
        await throttle.FailedAsync(Member, _stranger);
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync(Member, _stranger));
    });

    [Fact]
    public Task A_success_clears_the_pairs_failures() => Run(async (throttle, _) =>
    {
        for (var i = 0; i < 4; i++)
        {
            await throttle.FailedAsync(Member, _office);
        }

        await throttle.SucceededAsync(Member, _office);
        await throttle.FailedAsync(Member, _office);
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync(Member, _office));
    });

    [Fact]
    public Task An_address_failing_across_many_accounts_pauses_for_the_rest_of_its_window() => Run(async (throttle, clock) =>
    {
        for (var i = 0; i < 10; i++)
        {
            await throttle.FailedAsync($"u{i}@demo.vn", _stranger);
        }

        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync("other@demo.vn", _stranger));
        clock.Advance(TimeSpan.FromMinutes(5));
        await throttle.FailedAsync("u10@demo.vn", _stranger);
        Assert.Equal(TimeSpan.FromMinutes(10), await throttle.PauseLeftAsync("other@demo.vn", _stranger));
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync("other@demo.vn", _office));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync("other@demo.vn", _stranger));
    }, addressLimit: 10);

    [Fact]
    public Task Concurrent_failures_each_count_and_an_account_name_of_any_length_is_kept_apart() => Run(async (throttle, _) =>
    {
        // Ten failures at once on separate connections (as from several instances): none is lost, so the pair pauses
        // for the tenth failure (15 minutes), not for fewer.
        var throttles = new List<(AsyncServiceScope Scope, SignInThrottle Throttle)>();
        var configuration = new ConfigurationBuilder().Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 10; i++)
        {
            var scope = app.Services.CreateAsyncScope();
            throttles.Add((scope, new SignInThrottle(scope.ServiceProvider.GetRequiredService<RateCounters>(), clock, configuration)));
        }

        var longName = new string('a', 400) + "@demo.vn";
        await Task.WhenAll(throttles.Select(t => t.Throttle.FailedAsync(longName, _stranger)));
        Assert.Equal(10, await app.WithDb(db => Task.FromResult(db.RateCounters.Single(c => c.Key.StartsWith("signin:#")).Count)));
        Assert.Equal(TimeSpan.FromMinutes(15), await throttle.PauseLeftAsync(longName, _stranger));
        Assert.Equal(TimeSpan.Zero, await throttle.PauseLeftAsync(new string('a', 400) + "@demo.vm", _stranger));
        foreach (var (scope, _) in throttles)
        {
            await scope.DisposeAsync();
        }
    });
}

[Collection(SqliteApp.Name)]
public sealed class SignInThrottleTests_Sqlite(SqliteAppFactory app) : SignInThrottleTests(app);

[Collection(PostgresApp.Name)]
public sealed class SignInThrottleTests_Postgres(PostgresAppFactory app) : SignInThrottleTests(app);
