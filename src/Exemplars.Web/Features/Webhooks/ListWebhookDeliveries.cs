using Exemplars.Domain.Integration;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Webhooks;

/// <summary>The delivery log, newest first, by state (pending, delivered, failed) and event; paged.</summary>
public static class ListWebhookDeliveries
{
    public enum StateFilter
    {
        All,
        Pending,
        Delivered,
        Failed,
    }

    public sealed record Query(StateFilter State, string? Event, int Page, int PageSize);

    public sealed record Row(long Id, Guid DeliveryId, string Event, string EventLabel, string Url, string State, int Attempts,
        DateTime CreatedAtUtc, DateTime? NextAttemptAtUtc, DateTime? DeliveredAtUtc, DateTime? FailedAtUtc, int? LastStatus, string? LastError);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Paged<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var rows = db.WebhookDeliveries.AsNoTracking();
            rows = query.State switch
            {
                StateFilter.Pending => rows.Where(d => d.NextAttemptAtUtc != null),
                StateFilter.Delivered => rows.Where(d => d.DeliveredAtUtc != null),
                StateFilter.Failed => rows.Where(d => d.FailedAtUtc != null),
                _ => rows,
            };
            if (!string.IsNullOrWhiteSpace(query.Event))
            {
                rows = rows.Where(d => d.Event == query.Event);
            }

            var page = await rows.OrderByDescending(d => d.Id).ToPagedAsync(new PageRequest(query.Page, query.PageSize), cancellationToken);
            return new Paged<Row>(page.Items.Select(d => new Row(d.Id, d.DeliveryId, d.Event, WebhookRules.Label(d.Event), d.Url, WebhookRules.State(d), d.Attempts,
                d.CreatedAtUtc, d.NextAttemptAtUtc, d.DeliveredAtUtc, d.FailedAtUtc, d.LastStatus, d.LastError)).ToList(), page.Total, page.Page, page.PageSize);
        }
    }
}
