using Exemplars.Domain.Integration;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Exemplars.Web.Pages.Paging;

namespace Exemplars.Web.Pages.Webhooks;

/// <summary>The administrator's log of events sent to other systems (ADR 032), with a way to send a failed one again.</summary>
public sealed class IndexModel(ListWebhookDeliveries.Handler list, WebhookSettings settings) : PageModel
{
    public static IReadOnlyList<(string Event, string Label)> Events => WebhookRules.Events;

    public IReadOnlyList<WebhookSettings.Endpoint> Endpoints => settings.Endpoints;

    [BindProperty(SupportsGet = true)]
    public ListWebhookDeliveries.StateFilter State { get; set; }

    [BindProperty(SupportsGet = true, Name = "event")]
    public string? EventFilter { get; set; }

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paged<ListWebhookDeliveries.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.Handle(new ListWebhookDeliveries.Query(State, EventFilter, PageNumber, PageRequest.DefaultSize), ct);

    public async Task<IActionResult> OnPostRetryAsync(long id, [FromServices] RetryWebhookDelivery.Handler retry, CancellationToken ct)
    {
        var result = await retry.Handle(id, ct);
        if (!result.IsSuccess)
        {
            if (this.Handle(result.Errors) is { } refusal)
            {
                return refusal;
            }

            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Message = $"Đã đặt lần gửi số {id} gửi lại ở lượt tới của tác vụ nền.";
        return RedirectToPage(new { State, @event = EventFilter });
    }
}
