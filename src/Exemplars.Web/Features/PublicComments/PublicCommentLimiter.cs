using System.Threading.RateLimiting;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.PublicComments;

/// <summary>
/// One limit on public comments for the form page and the API together (issue 15): a fixed window of
/// <c>PublicComments:PermitPerWindow</c> posts (default 5) per 10 minutes per client address — the address the app sees
/// after the forwarded headers of trusted proxies are applied. Every post counts, accepted or refused.
/// </summary>
public sealed class PublicCommentLimiter : IDisposable
{
    public const string Refusal = "Đã gửi quá nhiều ý kiến trong thời gian ngắn từ địa chỉ này. Xin vui lòng thử lại sau ít phút.";

    private readonly PartitionedRateLimiter<string> _limiter;

    public PublicCommentLimiter(IConfiguration configuration)
    {
        var permit = configuration.GetValue("PublicComments:PermitPerWindow", 5);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permit,
            Window = TimeSpan.FromMinutes(10),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when this post may go on; false when the address has used its posts for the window.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(ClientAddress.Of(context));
        return lease.IsAcquired;
    }

    public IResult Refused() => Results.Problem(detail: Refusal, statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều lần gửi");

    public void Dispose() => _limiter.Dispose();
}
