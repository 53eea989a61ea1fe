using Exemplars.Web.Features.Common;

namespace Exemplars.Web.Features.People;

/// <summary>
/// The people list's bounded counts, per scope and filter, as last counted (at 5 million people the count of 10,001
/// rows cost more than the page itself). Emptied whenever a save touches a person or an organisation (the scope and
/// the unit filter).
/// </summary>
public sealed class PeopleCounts() : KeptCounts("Exemplars.Domain.People", "Exemplars.Domain.Organizations");
