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
public sealed class EditModel(GetIssuer.Handler get, SaveIssuer.Handler save) : PageModel
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

        public List<string?> DecisionRecipients { get; set; } = [];

        public List<string?> SubmissionRecipients { get; set; } = [];

        public List<string?> ReportRecipients { get; set; } = [];

        public List<OfficerInput> Officers { get; set; } = [];

        public List<TermInput> Terms { get; set; } = [];

        /// <summary>One blank row at the end of every list: a row can be added without script (the script adds more).</summary>
        public void AddBlankRows()
        {
            DecisionRecipients.Add(null);
            SubmissionRecipients.Add(null);
            ReportRecipients.Add(null);
            Officers.Add(new OfficerInput());
            Terms.Add(new TermInput());
        }
    }

    public sealed class OfficerInput
    {
        public string? FullName { get; set; }

        public string? Position { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? Until { get; set; }

        public bool Signs { get; set; }

        /// <summary>Ticked "Xóa": the row is dropped when saving.</summary>
        public bool Remove { get; set; }
    }

    public sealed class TermInput
    {
        public string? Label { get; set; }

        public DateOnly? StartsOn { get; set; }

        public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            Input.AddBlankRows();
            return Page();
        }

        var issuer = await get.Handle(id.Value, ct);
        if (issuer is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Id = issuer.Id, Version = issuer.Version, Symbol = issuer.Symbol, SuperiorLine = issuer.SuperiorLine, Name = issuer.Name, SigningOrgan = issuer.SigningOrgan,
            OrganName = issuer.OrganName, Place = issuer.Place, SuperiorOrgan = issuer.SuperiorOrgan, PartyName = issuer.PartyName, AdvisingBoard = issuer.AdvisingBoard,
            DecisionRecipients = [.. issuer.RecipientsOf(DocumentType.Decision)], SubmissionRecipients = [.. issuer.RecipientsOf(DocumentType.Submission)],
            ReportRecipients = [.. issuer.RecipientsOf(DocumentType.Report)],
            Officers = issuer.Officers.OrderBy(o => o.From).Select(o => new OfficerInput { FullName = o.FullName, Position = o.Position, From = o.From, Until = o.Until, Signs = o.Signs }).ToList(),
            Terms = issuer.Terms.OrderBy(t => t.StartsOn).Select(t => new TermInput { Label = t.Label, StartsOn = t.StartsOn }).ToList(),
        };
        Input.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.Handle(new SaveIssuer.Command(
            Input.Id, Input.Version, Input.Symbol, Input.SuperiorLine, Input.Name, Input.SigningOrgan, Input.OrganName, Input.Place, Input.SuperiorOrgan,
            Input.PartyName, Input.AdvisingBoard, Input.DecisionRecipients, Input.SubmissionRecipients, Input.ReportRecipients,
            Input.Officers.Where(o => !o.Remove).Select(o => new SaveIssuer.OfficerRow(o.FullName, o.Position, o.From, o.Until, o.Signs)).ToList(),
            Input.Terms.Where(t => !t.Remove).Select(t => new SaveIssuer.TermRow(t.Label, t.StartsOn)).ToList()), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã lưu cơ quan ban hành {Input.Symbol}.";
            return RedirectToPage("Index");
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors);
        return Page();
    }
}
