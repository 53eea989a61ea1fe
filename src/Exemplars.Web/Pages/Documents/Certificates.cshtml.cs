using Exemplars.Web.Features.Documents;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Jobs;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Documents;

/// <summary>
/// Certificates for a whole decision are made in the background, with progress, then downloaded. A batch is started
/// only by a POST (antiforgery) from the roles that issue decisions; a GET with a decision shows the button (issue 15).
/// </summary>
public sealed class CertificatesModel(BackgroundWork jobs, IFileStore files, CurrentUser me, Features.Decisions.DescribeDecision.Handler describe) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "job")]
    public Guid? JobId { get; set; }

    public BackgroundWork.Job? Job { get; private set; }

    /// <summary>The decision whose certificates the page offers to make (a GET with <c>id</c> and no job), named by its number.</summary>
    public Features.Decisions.DescribeDecision.Summary? Decision { get; private set; }

    public bool Zip { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool zip, CancellationToken ct)
    {
        if (JobId is null && id is { } decisionId)
        {
            var decision = await describe.Handle(decisionId, ct);
            if (!decision.IsSuccess)
            {
                return this.Refusal(decision.Errors);
            }

            (Decision, Zip) = (decision.Value, zip);
            return Page();
        }

        Job = JobId is { } job ? await jobs.FindAsync(job, me, ct) : null;
        return Job is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool zip, [FromServices] StartCertificateBatch.Handler start, CancellationToken ct)
    {
        var started = await start.Handle(id, zip, ct);
        return started.IsSuccess ? RedirectToPage("/Documents/Certificates", new { job = started.Value }) : this.Refusal(started.Errors);
    }

    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        var job = JobId is { } id ? await jobs.FindAsync(id, me, ct) : null;
        return job is null ? NotFound() : Partial("_CertificateStatus", (JobId!.Value, job));
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var job = JobId is { } id ? await jobs.FindAsync(id, me, ct) : null;
        return job is { Done: true, OutputAddress: { } address, OutputContentType: { } type } && files.Exists(address)
            ? File(files.Open(address), type, job.OutputName)
            : NotFound();
    }
}
