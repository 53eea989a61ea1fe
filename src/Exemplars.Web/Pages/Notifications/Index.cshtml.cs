using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Notifications;

public sealed class IndexModel(ListNotifications.Handler notices) : PageModel
{
    public int PageNumber => Paging.PageQuery.Number(Request);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ListNotifications.SortKeys);

    /// <summary>The orders offered in the "Sắp xếp" choice.</summary>
    public static readonly Paging.SortChoice Orders = new("Sắp xếp", [(null, "Mới nhất trước"), ("cu", "Cũ nhất trước")]);

    public Paged<Notification> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct) => Result = await notices.Page(PageNumber, Search, Sort.Key, ct);
}
