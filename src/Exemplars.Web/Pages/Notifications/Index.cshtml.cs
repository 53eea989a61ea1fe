using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Notifications;

public sealed class IndexModel(ListNotifications.Handler notices) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paged<Notification> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct) => Result = await notices.Page(PageNumber, ct);
}
