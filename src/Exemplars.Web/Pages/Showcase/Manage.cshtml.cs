using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Showcase;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Showcase;

[RequestSizeLimit(FileRules.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxFileBytes + (1024 * 1024))]
public sealed class ManageModel(AppDbContext db, CurrentUser me) : PageModel
{
    public sealed record Row(int NominationId, string Name, string Unit, int? StoryId, string? Title, string? StoryHtml, bool Approved);

    public IReadOnlyList<Row> Awarded { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!BallotAccess.CanRun(me))
        {
            return Forbid();
        }

        Awarded = await (from n in db.Nominations
                         where db.Awards.Any(a => a.NominationId == n.Id)
                         join o in db.Organizations on n.OrganizationId equals o.Id
                         join s in db.ExemplarStories on n.Id equals s.NominationId into stories
                         from s in stories.DefaultIfEmpty()
                         orderby n.NomineeName
                         select new Row(n.Id, n.NomineeName, o.Name, s == null ? null : s.Id, s == null ? null : s.Title, s == null ? null : s.StoryHtml, s != null && s.Approved))
            .Take(500).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(SaveStory.Command command, IFormFile? photo, [FromServices] SaveStory.Handler save, CancellationToken ct)
    {
        (string, byte[])? upload = null;
        if (photo is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, ct);
            upload = (photo.FileName, buffer.ToArray());
        }

        var result = await save.Handle(command, upload, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = command.Approve ? "Đã lưu và đăng công khai." : "Đã lưu bài, chưa đăng.";
            return RedirectToPage();
        }

        return this.Handle(result.Errors) ?? await OnGetAsync(ct);
    }
}
