using Exemplars.Web.Features.Common;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// The nominations list's bounded counts, per visibility and filter, as last counted (each counted dossier costs a
/// scope check: 6 ms a page at the national tier). Emptied whenever a save touches a nomination, an organisation
/// (scope, unit) or a plan (the round filter).
/// </summary>
public sealed class NominationCounts() : KeptCounts("Exemplars.Domain.Nominations", "Exemplars.Domain.Organizations", "Exemplars.Domain.Plans");
