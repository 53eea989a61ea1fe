using Exemplars.Web.Features.Audit;
using Exemplars.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Admin.Audit;

public sealed class IndexModel(ListAuditEntries.Handler list) : PageModel
{
    public static IReadOnlyDictionary<string, string> EntityTypes { get; } = new Dictionary<string, string>
    {
        ["Organization"] = "Tổ chức",
        ["AppUser"] = "Tài khoản",
    };

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ListAuditEntries.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public static string ActionLabel(string action) => action switch
    {
        "Created" => "Tạo mới",
        "Updated" => "Sửa",
        "Deleted" => "Xóa",
        _ => action,
    };

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.Handle(new ListAuditEntries.Query(UserFilter, OrganizationId, EntityType, EntityId, From, To, PageNumber), ct);
}
