using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Dashboard;

/// <summary>
/// The round dashboards as last computed, per round and scope (issue 14: the figures are kept, not recounted on each
/// request). Emptied whenever a save touches nominations, their versions and extensions, people, organisations, plans or the grassroots programme (implementation plans, commendations),
/// so the next request recounts.
/// </summary>
public sealed class DashboardCache() : KeptValues<(string Round, string Scope), RoundDashboard.Response>("Exemplars.Domain.Nominations", "Exemplars.Domain.People", "Exemplars.Domain.Organizations", "Exemplars.Domain.Plans", "Exemplars.Domain.Programme", "Exemplars.Domain.Showcase")
{
    public Task<Result<RoundDashboard.Response>> GetOrComputeAsync(string? round, string scope, Func<Task<Result<RoundDashboard.Response>>> compute) =>
        GetOrComputeAsync((round ?? string.Empty, scope), compute, r => r.IsSuccess ? r.Value : null, v => v);
}
