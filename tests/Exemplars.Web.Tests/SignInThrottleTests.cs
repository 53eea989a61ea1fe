using Exemplars.Web.Infrastructure.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Exemplars.Web.Tests;

/// <summary>ADR 018: guesses are slowed per account and address, and nobody can lock a member out from elsewhere.</summary>
public sealed class SignInThrottleTests
{
    private const string Member = "btv1@demo.vn";
    private const string Stranger = "203.0.113.7";
    private const string Office = "10.1.2.3";
    private static readonly int[] FailureCounts = [5, 6, 7, 8, 9, 40];

    private static (SignInThrottle Throttle, FakeTimeProvider Clock) New(int addressLimit = 50)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SignIn:AddressFailuresPer15Minutes"] = $"{addressLimit}" }).Build();
        return (new SignInThrottle(clock, configuration), clock);
    }

    [Fact]
    public void Pauses_grow_from_one_minute_to_at_most_fifteen()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.Pause(4));
        Assert.Equal([1, 2, 4, 8, 15, 15], FailureCounts.Select(n => SignInThrottle.Pause(n).TotalMinutes));
    }

    [Fact]
    public void A_stranger_guessing_pauses_only_the_stranger_and_the_member_signs_in_from_the_office()
    {
        var (throttle, clock) = New();
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed(Member, Stranger);
        }

        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft(Member, Stranger));
        throttle.Failed(Member, Stranger);
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.PauseLeft(Member, Stranger));
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.PauseLeft(" BTV1@demo.vn ", Stranger));
        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft(Member, Office));

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft(Member, Stranger));
        throttle.Failed(Member, Stranger);
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.PauseLeft(Member, Stranger));
    }

    [Fact]
    public void A_success_clears_the_pairs_failures()
    {
        var (throttle, _) = New();
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed(Member, Office);
        }

        throttle.Succeeded(Member, Office);
        throttle.Failed(Member, Office);
        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft(Member, Office));
    }

    [Fact]
    public void An_address_failing_across_many_accounts_pauses_for_the_rest_of_its_window()
    {
        var (throttle, clock) = New(addressLimit: 10);
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed($"u{i}@demo.vn", Stranger);
        }

        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft("other@demo.vn", Stranger));
        clock.Advance(TimeSpan.FromMinutes(5));
        throttle.Failed("u10@demo.vn", Stranger);
        Assert.Equal(TimeSpan.FromMinutes(10), throttle.PauseLeft("other@demo.vn", Stranger));
        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft("other@demo.vn", Office));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.Zero, throttle.PauseLeft("other@demo.vn", Stranger));
    }
}
