using Exemplars.Domain.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.PublicComments;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.PublicComments;

public sealed class CommentsModel(ModerateComments.Handler moderate) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CommentStatus? Status { get; set; } = CommentStatus.Pending;

    public int PageNumber => Paging.PageQuery.Number(Request);

    public Paging.SortModel Sort => Paging.SortModel.From(Request, ModerateComments.SortKeys);

    public Paged<ModerateComments.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await moderate.List(Status, PageNumber, Sort.Key, Sort.Descending, ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CommentStatus status, string? handling, CancellationToken ct)
    {
        var result = await moderate.Decide(id, status, handling, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã ghi cách xử lý ý kiến.";
            return RedirectToPage();
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        return await OnGetAsync(ct);
    }
}
