using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// Ceremonies belong to the committee that commends: its secretariat (and administrators) organise them, its standing
/// committee follows them; a grassroots clerk sees only the invitations of guests who come for a unit in their scope.
/// </summary>
public static class CeremonyAccess
{
    public static bool CanManage(CurrentUser user) => BallotAccess.CanRun(user);

    /// <summary>Every guest of every ceremony.</summary>
    public static bool SeesAll(CurrentUser user) => BallotAccess.CanSee(user);

    /// <summary>A clerk of grassroots units: only their own units' guests.</summary>
    public static bool SeesOwnUnits(CurrentUser user) => user.IsInRole(Roles.GrassrootsClerk);

    public static bool CanSee(CurrentUser user) => SeesAll(user) || SeesOwnUnits(user);

    public static DomainError Forbidden { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem lễ tuyên dương.");

    public static DomainError NotManager { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận tổ chức lễ tuyên dương.");

    public static DomainError Missing { get; } = DomainError.NotFound("Không tìm thấy lễ tuyên dương.");

    public const string StaleMessage = "Lễ tuyên dương vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.";

    /// <summary>The guests the caller may see: all of them, or those of units in their scope.</summary>
    public static IQueryable<CeremonyGuest> VisibleGuests(this AppDbContext db, CurrentUser user)
    {
        if (SeesAll(user))
        {
            return db.Set<CeremonyGuest>();
        }

        if (!SeesOwnUnits(user))
        {
            return db.Set<CeremonyGuest>().Where(_ => false);
        }

        var units = db.Organizations.InScopeOf(user).Select(o => (int?)o.Id);
        return db.Set<CeremonyGuest>().Where(g => units.Contains(g.OrganizationId));
    }

    /// <summary>The ceremonies the caller may see: all, or those inviting someone of their units (others are 404 to them).</summary>
    public static IQueryable<Ceremony> VisibleCeremonies(this AppDbContext db, CurrentUser user)
    {
        if (SeesAll(user))
        {
            return db.Set<Ceremony>();
        }

        var guests = db.VisibleGuests(user);
        return db.Set<Ceremony>().Where(c => guests.Any(g => g.CeremonyId == c.Id));
    }

    /// <summary>
    /// Every guest of a ceremony in list order, for the lists only its organisers and followers print (attendance,
    /// seating): refused to a clerk, who sees only their own units' guests.
    /// </summary>
    public static async Task<Result<List<CeremonyGuest>>> WholeListAsync(AppDbContext db, CurrentUser user, int id, CancellationToken cancellationToken)
    {
        if (!SeesAll(user))
        {
            return CanSee(user) ? NotManager : Forbidden;
        }

        if (!await db.Set<Ceremony>().AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Missing;
        }

        return await db.Set<CeremonyGuest>().AsNoTracking().Where(g => g.CeremonyId == id).OrderBy(g => g.Order).ToListAsync(cancellationToken);
    }

    /// <summary>A ceremony to change, with its guests in list order; refused unless the caller organises ceremonies.</summary>
    public static async Task<Result<Ceremony>> LoadForChangeAsync(AppDbContext db, CurrentUser user, int id, Guid? version, CancellationToken cancellationToken)
    {
        if (!CanManage(user))
        {
            return NotManager;
        }

        var ceremony = await db.Set<Ceremony>().Include(c => c.Guests.OrderBy(g => g.Order)).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (ceremony is null)
        {
            return Missing;
        }

        return Common.Versions.Check(version, ceremony.Version, StaleMessage) is { } stale ? stale : ceremony;
    }
}
