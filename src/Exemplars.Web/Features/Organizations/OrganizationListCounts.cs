using Exemplars.Web.Features.Common;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// The organisations list's bounded counts, per scope and filter, as last counted (at the national tier counting the
/// 150,000 organisations in scope cost 95 ms of a 100 ms page). Emptied whenever a save touches an organisation.
/// </summary>
public sealed class OrganizationListCounts() : KeptCounts("Exemplars.Domain.Organizations");
