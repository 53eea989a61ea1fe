namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: real time unless a test pins it. Unlike FakeTimeProvider it can be put back, so a test
/// that visits a deadline leaves the shared app as it found it.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public override DateTimeOffset GetUtcNow() => _pinned ?? DateTimeOffset.UtcNow;

    public void SetUtcNow(DateTimeOffset value) => _pinned = value.ToUniversalTime();

    public void Reset() => _pinned = null;
}
