using Exemplars.Domain.Common;
using Exemplars.Web.Features.PublicComments;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.PublicComments;

[AllowAnonymous]
public sealed class CandidatesModel(ListPublicCandidates.Handler list) : PageModel
{
    public IReadOnlyList<ListPublicCandidates.Candidate> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Candidates = await list.Handle(ct);

    public async Task<IActionResult> OnPostAsync(PostComment.Command command, [FromServices] PostComment.Handler post, [FromServices] PublicCommentLimiter limiter, CancellationToken ct)
    {
        if (!await limiter.TryAcquireAsync(HttpContext, ct))
        {
            // The same limit as the API's: the form is not a way around it (issue 15).
            ModelState.AddModelError(string.Empty, PublicCommentLimiter.Refusal);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await OnGetAsync(ct);
            return Page();
        }

        var result = await post.Handle(command, ct);
        if (result.IsSuccess)
        {
            TempData["Public"] = "Cảm ơn đồng chí/ông/bà đã góp ý. Ý kiến sẽ được xem xét.";
            return RedirectToPage();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        Response.StatusCode = Problems.StatusOf(result.Errors[0].Kind);
        await OnGetAsync(ct);
        return Page();
    }
}
