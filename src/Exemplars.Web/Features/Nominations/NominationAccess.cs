using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// Who sees and does what with nominations. A unit's own people see all its dossiers; the bloc (secretariat, standing
/// committee, admin) sees dossiers once submitted; nobody else sees another unit's drafts. Outside that: 404.
/// </summary>
public static class NominationAccess
{
    public static bool CanDraft(CurrentUser user) => user.IsAnyOf(Roles.GrassrootsClerk, Roles.Admin);

    public static bool CanReview(CurrentUser user) => user.IsAnyOf(Roles.Secretariat, Roles.Admin);

    public static DomainError Forbidden(string what) => new(ErrorKind.Forbidden, "forbidden_role", $"Vai trò của đồng chí không được {what}.");

    /// <summary>Names what <see cref="Visible"/> lets the user see: users with the same key see the same dossiers.</summary>
    public static string VisibilityKey(this CurrentUser user) =>
        !user.IsAuthenticated ? "none"
        : user.IsInRole(Roles.Admin) ? "all"
        : user.IsInRole(Roles.ProvinceViewer) ? "forwarded"
        : user.IsAnyOf(Roles.Secretariat, Roles.StandingCommittee) ? "sent:" + user.ScopePath
        : "scope:" + user.ScopePath;

    public static IQueryable<Nomination> Visible(this AppDbContext db, CurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return db.Nominations.Where(_ => false);
        }

        if (user.IsInRole(Roles.Admin))
        {
            return db.Nominations;
        }

        // Province viewers see only what the bloc sent up in a Tờ trình.
        if (user.IsInRole(Roles.ProvinceViewer))
        {
            return db.Nominations.Where(n => n.ForwardedInDecisionId != null);
        }

        var scope = user.ScopePath;
        var inScope = db.Nominations.Where(n => db.Organizations.Any(o => o.Id == n.OrganizationId && o.Path.StartsWith(scope)));
        return user.IsAnyOf(Roles.Secretariat, Roles.StandingCommittee)
            ? inScope.Where(n => n.Status != NominationStatus.Draft)
            : inScope;
    }

    /// <summary>As <see cref="FindForChange"/>, for a write that edits the dossier: the version read is required.</summary>
    public static async Task<Result<Nomination>> FindForEdit(AppDbContext db, CurrentUser user, int id, Guid? version, CancellationToken cancellationToken)
    {
        var found = await FindForChange(db, user, id, null, cancellationToken);
        return found.IsSuccess && Common.Versions.Check(version, found.Value.Version, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.") is { } refused
            ? refused
            : found;
    }

    public static async Task<Result<Nomination>> FindForChange(AppDbContext db, CurrentUser user, int id, Guid? version, CancellationToken cancellationToken)
    {
        var nomination = await db.Visible(user).Include(n => n.Evidence).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
        {
            return DomainError.NotFound("Không tìm thấy hồ sơ.");
        }

        if (version is { } v && v != nomination.Version)
        {
            return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
        }

        return nomination;
    }
}
