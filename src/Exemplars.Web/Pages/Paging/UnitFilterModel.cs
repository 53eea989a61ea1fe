using Exemplars.Web.Features.Organizations;

namespace Exemplars.Web.Pages.Paging;

/// <summary>
/// The grassroots-unit filter of a list (partial <c>_UnitFilter</c>): a select of units by name, and, when the scope
/// holds more units than a select can offer or a search was typed, a name search that narrows it.
/// </summary>
public sealed record UnitFilterModel(OrganizationOptions.Picked Units, int? Selected, string? Search, string Label = "Tổ chức cơ sở")
{
    public bool ShowsSearch => Units.More || !string.IsNullOrWhiteSpace(Search);
}
