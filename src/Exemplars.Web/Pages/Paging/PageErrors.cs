using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Paging;

/// <summary>The pages' one mapping of a use case's errors: 404 and 403 as results, anything else as form errors to show.</summary>
public static class PageErrors
{
    /// <summary>For a page that cannot show anything without the data: Forbid for a role refused, otherwise NotFound.</summary>
    public static IActionResult Refusal(this PageModel page, IReadOnlyList<DomainError> errors) =>
        errors[0].Kind == ErrorKind.Forbidden ? page.Forbid() : page.NotFound();

    /// <returns>A NotFound or Forbid result, or null after the errors were added to ModelState for the page to show.</returns>
    public static IActionResult? Handle(this PageModel page, IReadOnlyList<DomainError> errors)
    {
        switch (errors[0].Kind)
        {
            case ErrorKind.NotFound:
                return page.NotFound();
            case ErrorKind.Forbidden:
                return page.Forbid();
        }

        Problems.AddTo(page.ModelState, errors.Select(e => e with { Field = null }));
        return null;
    }
}
