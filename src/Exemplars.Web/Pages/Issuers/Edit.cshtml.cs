using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Issuers;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Issuers;

[Authorize(Policy = AppAuth.AdminPolicy)]
public sealed class EditModel(AppDbContext db, SaveIssuer.Handler save) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public int? Id { get; set; }

        public Guid? Version { get; set; }

        public string? Symbol { get; set; }

        public string? SuperiorLine { get; set; }

        public string? Name { get; set; }

        public string? SigningOrgan { get; set; } = "BAN THƯỜNG VỤ";

        public string? OrganName { get; set; }

        public string? Place { get; set; }

        public string? SuperiorOrgan { get; set; }

        public string? PartyName { get; set; }

        public string? AdvisingBoard { get; set; }

        public string? DecisionRecipients { get; set; }

        public string? SubmissionRecipients { get; set; }

        public string? ReportRecipients { get; set; }

        public string? Officers { get; set; }

        public string? Terms { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }

        var issuer = await db.Set<Issuer>().AsNoTracking().Include(i => i.Officers).Include(i => i.Terms).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issuer is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Id = issuer.Id, Version = issuer.Version, Symbol = issuer.Symbol, SuperiorLine = issuer.SuperiorLine, Name = issuer.Name, SigningOrgan = issuer.SigningOrgan,
            OrganName = issuer.OrganName, Place = issuer.Place, SuperiorOrgan = issuer.SuperiorOrgan, PartyName = issuer.PartyName, AdvisingBoard = issuer.AdvisingBoard,
            DecisionRecipients = issuer.DecisionRecipients, SubmissionRecipients = issuer.SubmissionRecipients, ReportRecipients = issuer.ReportRecipients,
            Officers = SaveIssuer.OfficersText(issuer), Terms = SaveIssuer.TermsText(issuer),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.Handle(new SaveIssuer.Command(
            Input.Id, Input.Version, Input.Symbol, Input.SuperiorLine, Input.Name, Input.SigningOrgan, Input.OrganName, Input.Place, Input.SuperiorOrgan,
            Input.PartyName, Input.AdvisingBoard, Input.DecisionRecipients, Input.SubmissionRecipients, Input.ReportRecipients, Input.Officers, Input.Terms), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã lưu cơ quan ban hành {Input.Symbol}.";
            return RedirectToPage("Index");
        }

        Problems.AddTo(ModelState, result.Errors);
        return Page();
    }
}
