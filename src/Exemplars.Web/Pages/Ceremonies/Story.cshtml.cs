using Exemplars.Web.Features.Ceremonies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Ceremonies;

/// <summary>The published story of a held ceremony, with its photos: public, like the showcase it belongs to.</summary>
public sealed class StoryModel(PublishedCeremonies.Handler published) : PageModel
{
    public PublishedCeremonies.Item? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await published.Get(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Item = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetPhotoAsync(int photoId, CancellationToken ct) =>
        await published.Photo(photoId, ct) is { } photo ? File(photo.Content, photo.ContentType) : NotFound();
}
