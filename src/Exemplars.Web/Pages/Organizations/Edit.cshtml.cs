using System.ComponentModel.DataAnnotations;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Organizations;

[Authorize(Policy = AppAuth.AdminPolicy)]
public sealed class EditModel(SaveOrganization.Handler save, GetOrganization.Handler get, OrganizationOptions.Handler organizations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> ParentOptions { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Mã tổ chức")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Tên tổ chức")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Loại tổ chức")]
        public OrganizationKind Kind { get; set; } = OrganizationKind.Grassroots;

        [Display(Name = "Loại hình")]
        public HostUnitType? HostUnitType { get; set; }

        [Display(Name = "Mã tổ chức cấp trên")]
        public string? ParentCode { get; set; }

        [Display(Name = "Địa chỉ")]
        public string? Address { get; set; }

        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var result = await get.Handle(id, ct);
            if (!result.IsSuccess)
            {
                return NotFound();
            }

            var o = result.Value.Organization;
            var parentCode = o.ParentId is { } parentId ? (await organizations.Codes([parentId], ct)).GetValueOrDefault(parentId) : null;
            Input = new InputModel { Code = o.Code, Name = o.Name, Kind = o.Kind, HostUnitType = o.HostUnitType, ParentCode = parentCode, Address = o.Address, Version = result.Value.Version };
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

        var command = new SaveOrganization.Command(Input.Code, Input.Name, Input.Kind, Input.HostUnitType, Input.ParentCode, Input.Address, Input.Version);
        var result = Id is { } id ? await save.Update(id, command, ct) : await save.Create(command, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã lưu tổ chức.";
            return RedirectToPage("/Organizations/Details", new { id = result.Value });
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problems.AddTo(ModelState, result.Errors);
        await LoadOptions(ct);
        return Page();
    }

    private async Task LoadOptions(CancellationToken ct) =>
        ParentOptions = (await organizations.Parents(ct)).Select(o => (o.Code, o.Name)).ToList();
}
