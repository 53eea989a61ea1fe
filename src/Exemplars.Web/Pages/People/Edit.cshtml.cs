using System.ComponentModel.DataAnnotations;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.People;

public sealed class EditModel(SavePerson.Handler save, GetPerson.Handler get, OrganizationOptions.Handler organizations, CategoryOptions.Handler categories, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Organizations { get; private set; } = [];

    public IReadOnlyList<(string Code, string Title)> Categories { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Mã người")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Họ và tên")]
        public string FullName { get; set; } = string.Empty;

        [Display(Name = "Ngày sinh")]
        public DateOnly? BirthDate { get; set; }

        [Display(Name = "Giới tính")]
        public Gender? Gender { get; set; }

        public string? Ethnicity { get; set; }

        public string? Position { get; set; }

        public string OrganizationCode { get; set; } = string.Empty;

        public bool IsPartyMember { get; set; }

        [Display(Name = "Năm vào Đảng")]
        public int? PartyJoinYear { get; set; }

        public bool IsLeader { get; set; }

        public string? LedOrganizationCode { get; set; }

        public string? FieldCategoryCode { get; set; }

        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RegistryAccess.CanWrite(me))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            var result = await get.Handle(id, ct);
            if (!result.IsSuccess)
            {
                return NotFound();
            }

            var p = result.Value;
            var codes = await organizations.Codes([p.OrganizationId, p.LedOrganizationId], ct);
            Input = new InputModel
            {
                Code = p.Code, FullName = p.FullName, BirthDate = p.BirthDate, Gender = p.Gender, Ethnicity = p.Ethnicity, Position = p.Position,
                OrganizationCode = codes.GetValueOrDefault(p.OrganizationId, string.Empty), IsPartyMember = p.IsPartyMember, PartyJoinYear = p.PartyJoinYear, IsLeader = p.IsLeader,
                LedOrganizationCode = p.LedOrganizationId is { } led ? codes.GetValueOrDefault(led) : null, FieldCategoryCode = p.FieldCategoryCode, Version = p.Version,
            };
        }
        else
        {
            Input.OrganizationCode = await organizations.OwnCode(ct) ?? string.Empty;
        }

        await LoadOptions(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadOptions(ct);
            return Page();
        }

        var draft = new PersonDraft(Input.Code, Input.FullName, Input.BirthDate, Input.Gender, Input.Ethnicity, Input.Position, Input.IsPartyMember, Input.PartyJoinYear, Input.IsLeader, Input.FieldCategoryCode);
        var result = await save.Handle(Id, new SavePerson.Command(draft, Input.OrganizationCode, Input.LedOrganizationCode, Input.Version), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lưu thông tin.";
            return RedirectToPage("/People/Details", new { id = result.Value });
        }

        switch (result.Errors[0].Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Forbidden:
                return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e.Field is "Code" or "FullName" or "BirthDate" or "PartyJoinYear" or "FieldCategoryCode" or "OrganizationCode" or "LedOrganizationCode" ? e : e with { Field = null }));
        await LoadOptions(ct);
        return Page();
    }

    private async Task LoadOptions(CancellationToken ct)
    {
        Organizations = (await organizations.Active(ct)).Select(o => (o.Code, o.Name)).ToList();
        Categories = (await categories.Distinct(NomineeKind.Individual, ct)).Select(c => (c.Code, c.Title)).ToList();
    }
}
