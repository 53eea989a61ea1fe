using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Showcase;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Replication;

/// <summary>
/// Nhân rộng: a grassroots unit pledges to learn from a published exemplar (what it will apply, by when) and later
/// reports the result. The secretariat sees who learned from whom; each exemplar shows how many units replicate it.
/// </summary>
public static class Pledges
{
    public sealed record Row(int Id, int ExemplarId, string Exemplar, string Unit, string WhatToApply, DateOnly DueOn, string? Result, DateTime? ReportedAtUtc, Guid Version);

    /// <summary>The columns the list can be sorted by (exemplar, pledging unit, due date).</summary>
    public static readonly string[] SortKeys = ["guong", "don-vi", "han"];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Pledge(int exemplarId, string? whatToApply, DateOnly dueOn, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.GrassrootsClerk))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Cấp ủy cơ sở đăng ký học tập, làm theo gương điển hình.");
            }

            if (!await db.ExemplarStories.AnyAsync(s => s.Id == exemplarId && s.Approved, cancellationToken))
            {
                return DomainError.NotFound("Không tìm thấy gương điển hình.");
            }

            var errors = new List<DomainError>();
            if (string.IsNullOrWhiteSpace(whatToApply) || whatToApply.Trim().Length > 2000)
            {
                errors.Add(DomainError.Invalid("WhatToApply", "Hãy ghi nội dung đơn vị sẽ học tập, áp dụng (tối đa 2000 ký tự)."));
            }

            if (dueOn < VietnamTime.Today(clock))
            {
                errors.Add(DomainError.Invalid("DueOn", "Thời hạn thực hiện phải từ hôm nay trở đi."));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var organizationId = user.OrganizationId;
            if (await db.ReplicationPledges.AnyAsync(p => p.ExemplarStoryId == exemplarId && p.OrganizationId == organizationId, cancellationToken))
            {
                return DomainError.Conflict("already_pledged", "Đơn vị đã đăng ký học tập gương này.");
            }

            var pledge = new ReplicationPledge
            {
                ExemplarStoryId = exemplarId, OrganizationId = organizationId, WhatToApply = whatToApply!.Trim(), DueOn = dueOn,
                PledgedBy = user.Email, PledgedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.ReplicationPledges.Add(pledge);
            await db.SaveChangesAsync(cancellationToken);
            return pledge.Id;
        }

        public async Task<Result<bool>> Report(int pledgeId, string? result, Guid? version, CancellationToken cancellationToken)
        {
            var pledge = await Visible().SingleOrDefaultAsync(p => p.Id == pledgeId, cancellationToken);
            if (pledge is null || !user.IsInRole(Roles.GrassrootsClerk))
            {
                return DomainError.NotFound("Không tìm thấy đăng ký học tập.");
            }

            if (string.IsNullOrWhiteSpace(result) || result.Trim().Length > 4000)
            {
                return DomainError.Invalid("Result", "Hãy ghi kết quả học tập, làm theo (tối đa 4000 ký tự).");
            }

            const string stale = "Kết quả của đăng ký này vừa được người khác ghi hoặc sửa. Hãy tải lại trang rồi ghi lại.";
            if (Common.Versions.Check(version, pledge.Version, stale) is { } refused)
            {
                return refused;
            }

            pledge.Result = result.Trim();
            pledge.ReportedAtUtc ??= clock.GetUtcNow().UtcDateTime; // the first report dates it in periodic reports; corrections do not move it
            pledge.Version = Guid.NewGuid();
            return await Common.Versions.SaveAsync(db, stale, cancellationToken) is { } conflict ? conflict : true;
        }

        public Task<Paged<Row>> List(int page, CancellationToken cancellationToken) => List(page, null, false, cancellationToken);

        /// <summary>The pledges, newest first unless sorted by a key of <see cref="SortKeys"/>.</summary>
        public Task<Paged<Row>> List(int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            var joined = from p in Visible()
                         join s in db.ExemplarStories on p.ExemplarStoryId equals s.Id
                         join n in db.Nominations on s.NominationId equals n.Id
                         join o in db.Organizations on p.OrganizationId equals o.Id
                         select new { p, s, n, o };
            joined = (sort, descending) switch
            {
                ("guong", false) => joined.OrderBy(x => x.n.NomineeName).ThenByDescending(x => x.p.Id),
                ("guong", true) => joined.OrderByDescending(x => x.n.NomineeName).ThenByDescending(x => x.p.Id),
                ("don-vi", false) => joined.OrderBy(x => x.o.Name).ThenByDescending(x => x.p.Id),
                ("don-vi", true) => joined.OrderByDescending(x => x.o.Name).ThenByDescending(x => x.p.Id),
                ("han", false) => joined.OrderBy(x => x.p.DueOn).ThenByDescending(x => x.p.Id),
                ("han", true) => joined.OrderByDescending(x => x.p.DueOn).ThenByDescending(x => x.p.Id),
                _ => joined.OrderByDescending(x => x.p.Id),
            };
            return joined
                .Select(x => new Row(x.p.Id, x.s.Id, x.n.NomineeName, x.o.Name, x.p.WhatToApply, x.p.DueOn, x.p.Result, x.p.ReportedAtUtc, x.p.Version))
                .ToPagedAsync(new PageRequest(page), cancellationToken);
        }

        public Task<int> CountFor(int exemplarId, CancellationToken cancellationToken) =>
            db.ReplicationPledges.CountAsync(p => p.ExemplarStoryId == exemplarId, cancellationToken);

        /// <summary>A unit sees its own pledges; the secretariat and admins see all of the bloc's.</summary>
        private IQueryable<ReplicationPledge> Visible() =>
            db.ReplicationPledges.Where(p => db.Organizations.InScopeOf(user).Any(o => o.Id == p.OrganizationId && o.Kind == OrganizationKind.Grassroots));
    }
}
