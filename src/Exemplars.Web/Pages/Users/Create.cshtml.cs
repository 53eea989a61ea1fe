using Exemplars.Web.Features.Users;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Users;

public sealed class CreateModel(CreateUser.Handler create) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string Email { get; set; } = string.Empty;

        public string FullName { get; set; } = string.Empty;

        public string Role { get; set; } = Domain.Users.Roles.GrassrootsClerk;

        public string OrganizationCode { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.Handle(new CreateUser.Command(Input.Email, Input.FullName, Input.Role, Input.OrganizationCode, Input.Password), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = $"Đã tạo tài khoản {Input.Email}.";
            return RedirectToPage("Index");
        }

        Problems.AddTo(ModelState, result.Errors);
        return Page();
    }
}
