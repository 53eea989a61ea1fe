using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>
/// One limit on public comments for the form page and the API together (issue 15): a fixed window of
/// <c>PublicComments:PermitPerWindow</c> posts (default 5) per 10 minutes per client address — the address the app sees
/// after the forwarded headers of trusted proxies are applied. Every post counts, accepted or refused. The count lives in
/// the database (<see cref="RateCounters"/>), so posts to every instance count together (issue 18).
/// </summary>
public sealed class PublicCommentLimiter(RateCounters counters, TimeProvider clock, IConfiguration configuration)
{
    public const string Refusal = "Đã gửi quá nhiều ý kiến trong thời gian ngắn từ địa chỉ này. Xin vui lòng thử lại sau ít phút.";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly int _permit = configuration.GetValue("PublicComments:PermitPerWindow", 5);

    /// <summary>True when this post may go on; false when the address has used its posts for the window.</summary>
    public async Task<bool> TryAcquireAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var counted = await counters.ChangeAsync(RateCounters.Key("comment", ClientAddress.Of(context)), seen => Posted(seen, now), cancellationToken);
        return counted.Count <= _permit;
    }

    /// <summary>A post counted in its address's window, or the first of a new window.</summary>
    public static RateCounter Posted(RateCounter? seen, long now)
    {
        var current = RateCounter.InWindow(seen, now, Window);
        var start = current?.WindowStart ?? now;
        return new RateCounter { WindowStart = start, Count = (current?.Count ?? 0) + 1, Until = start + Window.Ticks, Last = now, Expires = start + Window.Ticks };
    }

    public IResult Refused() => Results.Problem(detail: Refusal, statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều lần gửi");
}
