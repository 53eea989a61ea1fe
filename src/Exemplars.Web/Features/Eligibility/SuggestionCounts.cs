using Exemplars.Web.Features.Common;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// The suggestions' bounded counts (suggested, and people without a field) per scope, round and filter, as last
/// counted. The rows are written around EF (ADR 014), so <see cref="RefreshSuggestions"/> empties these counts after
/// each write it commits; a save touching an organisation (scope, unit filter) or a plan empties them too. Counts are
/// kept only while nothing is pending.
/// </summary>
public sealed class SuggestionCounts() : KeptCounts("Exemplars.Domain.Organizations", "Exemplars.Domain.Plans");
