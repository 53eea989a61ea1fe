using Exemplars.Domain.Ballots;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Ballots;

/// <summary>Ballots belong to the bloc: its secretariat runs them, its standing committee votes, admins see all.</summary>
public static class BallotAccess
{
    public static bool CanRun(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin);

    public static bool CanSee(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin, Roles.StandingCommittee);

    /// <summary>Ballots of rounds whose nominations come from the caller's bloc; there is one bloc per installation today, so this is every ballot for bloc roles.</summary>
    public static IQueryable<Ballot> Visible(this AppDbContext db, CurrentUser user) =>
        CanSee(user) ? db.Ballots : db.Ballots.Where(_ => false);
}
