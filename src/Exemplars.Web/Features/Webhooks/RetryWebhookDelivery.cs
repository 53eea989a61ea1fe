using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Webhooks;

/// <summary>An administrator sends a given-up delivery again: it is due now, with a fresh round of attempts (audited).</summary>
public static class RetryWebhookDelivery
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result<bool>> Handle(long id, CancellationToken cancellationToken)
        {
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (delivery is null)
            {
                return DomainError.NotFound("Không tìm thấy lần gửi này.");
            }

            if (delivery.FailedAtUtc is null)
            {
                return DomainError.Conflict("not_failed", delivery.DeliveredAtUtc is null
                    ? "Lần gửi này đang chờ gửi hoặc đang thử lại; chỉ gửi lại được lần gửi đã thất bại."
                    : "Lần gửi này đã gửi thành công; không gửi lại.");
            }

            delivery.FailedAtUtc = null;
            delivery.Attempts = 0;
            delivery.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
