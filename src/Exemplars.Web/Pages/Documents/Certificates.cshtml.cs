using Exemplars.Domain.Common;
using Exemplars.Web.Features.Documents;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplars.Web.Pages.Documents;

/// <summary>
/// Certificates for a whole decision are made in the background, with progress, then downloaded. A batch is started
/// only by a POST (antiforgery) from the roles that issue decisions; a GET with a decision shows the button (issue 15).
/// </summary>
public sealed class CertificatesModel(BackgroundImports jobs, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "job")]
    public Guid? JobId { get; set; }

    public BackgroundImports.Job? Job { get; private set; }

    public sealed record Output(byte[] Content, string ContentType, string FileName);

    /// <summary>The decision whose certificates the page offers to make (a GET with <c>id</c> and no job).</summary>
    public int? DecisionId { get; private set; }

    public bool Zip { get; private set; }

    public IActionResult OnGet(int? id, bool zip)
    {
        if (JobId is null && id is { } decisionId)
        {
            if (!Features.Ballots.BallotAccess.CanRun(me))
            {
                return Forbid();
            }

            (DecisionId, Zip) = (decisionId, zip);
            return Page();
        }

        Job = JobId is { } job ? jobs.Find(job, me) : null;
        return Job is null ? NotFound() : Page();
    }

    public IActionResult OnPost(int id, bool zip)
    {
        if (!Features.Ballots.BallotAccess.CanRun(me))
        {
            return Forbid();
        }

        var started = jobs.Start(me, "certificates", [], $"{id}", (sp, _, _, progress, ct) => Make(sp, id, zip, progress, ct));
        return RedirectToPage("/Documents/Certificates", new { job = started });
    }

    public IActionResult OnGetStatus()
    {
        var job = JobId is { } id ? jobs.Find(id, me) : null;
        return job is null ? NotFound() : Partial("_CertificateStatus", (JobId!.Value, job));
    }

    public IActionResult OnGetDownload()
    {
        var job = JobId is { } id ? jobs.Find(id, me) : null;
        return job?.Report is Output output ? File(output.Content, output.ContentType, output.FileName) : NotFound();
    }

    private static async Task<Result<Output>> Make(IServiceProvider services, int decisionId, bool zip, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        var handler = services.GetRequiredService<CertificatesDocument.Handler>();
        var certificates = await handler.Load(decisionId, ct);
        if (!certificates.IsSuccess)
        {
            return Result<Output>.Failure(certificates.Errors);
        }

        var total = certificates.Value.Count;
        var pages = new Progress<int>(done => progress.Report(new ImportProgress("Đang tạo", done, total)));
        return zip
            ? new Output(handler.Zip(certificates.Value, pages), "application/zip", $"giay-khen-{decisionId}.zip")
            : new Output(handler.Combined(certificates.Value, pages), "application/pdf", $"giay-khen-{decisionId}.pdf");
    }
}
