using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>
/// Rating data quality (issue 16 point 5, ADR 026): the grassroots party organisations and years where the party members
/// rated "hoàn thành xuất sắc nhiệm vụ" exceed 20 % of those rated "hoàn thành tốt nhiệm vụ"
/// (<see cref="ExcellentShareRule"/>). Members of sub-units count for their grassroots organisation. Only warned, never
/// refused: imports and the rating form save and then say it; this list shows what is left.
/// </summary>
public static class RatingQuality
{
    /// <summary>One organisation-year over the cap, as the list, the API, an import report and the rating form give it.</summary>
    public sealed record Warning(int OrganizationId, string OrganizationName, int Year, string Regulation, int Excellent, int Good, int Allowed, string Message)
    {
        public static Warning Of(ExcellentShare share) => new(
            share.OrganizationId, share.OrganizationName, share.Year, RatingRegulations.For(share.Year)?.Code ?? string.Empty,
            share.Excellent, share.Good, share.Allowed, share.Warning ?? string.Empty);
    }

    public sealed record Query(string? Search = null, int? Year = null, int Page = 1, int PageSize = PageRequest.DefaultSize);

    /// <summary>Grassroots committees keep the registry and see their own organisation; the secretariat and admins see the bloc.</summary>
    public static bool CanView(CurrentUser user) => user.IsAnyOf(Roles.Admin, Roles.Secretariat, Roles.GrassrootsClerk);

    public static DomainError Forbidden { get; } = new(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem được chất lượng dữ liệu xếp loại.");

    /// <summary>The list page and <c>GET /api/v1/people/rating-quality</c>.</summary>
    public sealed class Handler(ExcellentShares shares, ExcellentShareCounts kept, CurrentUser user)
    {
        public async Task<Result<Paged<Warning>>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!CanView(user))
            {
                return Forbidden;
            }

            var search = VietnameseText.Fold(query.Search);
            var found = await kept.GetOrComputeAsync((user.ScopePath, query.Year),
                () => shares.ExceededAsync(user.ScopePath, query.Year is { } y ? [y] : null, null, cancellationToken));
            var rows = found
                .Where(s => search.Length == 0 || VietnameseText.Fold(s.OrganizationName).Contains(search, StringComparison.Ordinal))
                .OrderByDescending(s => s.Year).ThenBy(s => s.OrganizationName, StringComparer.Ordinal).ThenBy(s => s.OrganizationId)
                .Select(Warning.Of)
                .ToList();
            return Paged<Warning>.Of(rows, new PageRequest(query.Page, query.PageSize));
        }
    }
}

/// <summary>
/// The organisation-years over the cap as last counted, per scope and year filter (issue 14: the list counts every rating
/// in scope, so it is counted once, not on every visit); emptied by any save of people, ratings or organisations, and by
/// the ratings import's bulk rows.
/// </summary>
public sealed class ExcellentShareCounts() : KeptValues<(string Scope, int? Year), IReadOnlyList<ExcellentShare>>("Exemplars.Domain.People", "Exemplars.Domain.Organizations")
{
    public Task<IReadOnlyList<ExcellentShare>> GetOrComputeAsync((string Scope, int? Year) key, Func<Task<IReadOnlyList<ExcellentShare>>> compute) =>
        GetOrComputeAsync(key, compute, v => v, v => v);
}

/// <summary>
/// Counts excellent and good party-member ratings per grassroots organisation and year with one grouped query (no
/// query per person, unit or organisation): the ratings are grouped by the path of the person's unit and year in the
/// database, and each unit path is mapped to its grassroots organisation in memory (issue 14: tuned for imports of
/// 200,000 rows).
/// </summary>
public sealed class ExcellentShares(AppDbContext db)
{
    /// <summary>
    /// The organisation-years over the cap among the grassroots organisations under <paramref name="scopePath"/>, for
    /// <paramref name="years"/> (null: every year), and only those in <paramref name="only"/> when given. Counts take
    /// every member of the organisation, whoever asks.
    /// </summary>
    public async Task<IReadOnlyList<ExcellentShare>> ExceededAsync(string scopePath, IReadOnlyCollection<int>? years, IReadOnlySet<(int OrganizationId, int Year)>? only, CancellationToken cancellationToken)
    {
        var grassroots = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Grassroots && o.Path.StartsWith(scopePath))
            .Select(o => new { o.Id, o.Name, o.Path })
            .ToListAsync(cancellationToken);
        if (only is not null)
        {
            var wanted = only.Select(k => k.OrganizationId).ToHashSet();
            grassroots = grassroots.Where(g => wanted.Contains(g.Id)).ToList();
            years = only.Select(k => k.Year).Distinct().ToList();
        }

        if (grassroots.Count == 0 || years is { Count: 0 })
        {
            return [];
        }

        // One prefix covers every organisation asked about: the organisation itself when there is one (a rating form,
        // a clerk's import), else the longest path they share.
        var prefix = CommonPrefix(grassroots.Select(g => g.Path));
        var ratings = db.PersonRatings.AsNoTracking().Where(r => r.Rating == Rating.Excellent || r.Rating == Rating.Good);
        if (years is not null)
        {
            List<int> yearList = [.. years];
            ratings = ratings.Where(r => EF.Parameter(yearList).Contains(r.Year));
        }

        var counts = await ratings
            .Join(db.People.Where(p => p.Organization!.Path.StartsWith(prefix)), r => r.PersonId, p => p.Id, (r, p) => new { p.Organization!.Path, r.Year, r.Rating })
            .GroupBy(x => new { x.Path, x.Year })
            .Select(g => new { g.Key.Path, g.Key.Year, Excellent = g.Count(x => x.Rating == Rating.Excellent), Good = g.Count(x => x.Rating == Rating.Good) })
            .ToListAsync(cancellationToken);

        var byId = grassroots.ToDictionary(g => g.Id);
        var totals = new Dictionary<(int, int), (int Excellent, int Good)>();
        foreach (var row in counts)
        {
            var owner = OrganizationPath.Ids(row.Path).FirstOrDefault(byId.ContainsKey);
            if (owner == 0 || (only is not null && !only.Contains((owner, row.Year))))
            {
                continue;
            }

            totals.TryGetValue((owner, row.Year), out var sum);
            totals[(owner, row.Year)] = (sum.Excellent + row.Excellent, sum.Good + row.Good);
        }

        return totals
            .Select(t => new ExcellentShare(t.Key.Item1, byId[t.Key.Item1].Name, t.Key.Item2, t.Value.Excellent, t.Value.Good))
            .Where(s => s.Exceeded)
            .ToList();
    }

    /// <summary>
    /// The organisation-years that the ratings of people in <paramref name="units"/> (unit id, year) belong to: each unit's
    /// grassroots organisation, by the unit's path.
    /// </summary>
    public async Task<IReadOnlySet<(int OrganizationId, int Year)>> TouchedAsync(IReadOnlyCollection<(int UnitId, int Year)> units, CancellationToken cancellationToken)
    {
        List<int> unitIds = [.. units.Select(u => u.UnitId).Distinct()];
        if (unitIds.Count == 0)
        {
            return new HashSet<(int, int)>();
        }

        var paths = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(unitIds).Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, cancellationToken);
        List<int> ancestors = [.. paths.Values.SelectMany(OrganizationPath.Ids).Distinct()];
        var grassroots = (await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Grassroots && EF.Parameter(ancestors).Contains(o.Id))
            .Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var touched = new HashSet<(int, int)>();
        foreach (var (unit, year) in units)
        {
            if (paths.TryGetValue(unit, out var path) && OrganizationPath.Ids(path).FirstOrDefault(grassroots.Contains) is var owner and > 0)
            {
                touched.Add((owner, year));
            }
        }

        return touched;
    }

    private static string CommonPrefix(IEnumerable<string> paths)
    {
        string? prefix = null;
        foreach (var path in paths)
        {
            if (prefix is null)
            {
                prefix = path;
                continue;
            }

            var length = 0;
            while (length < prefix.Length && length < path.Length && prefix[length] == path[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        // Back to the last whole segment: "/1/2/15/" and "/1/2/16/" share "/1/2/1", which is no path; "/1/2/" is.
        prefix ??= "/";
        var slash = prefix.LastIndexOf('/');
        return slash < 0 ? "/" : prefix[..(slash + 1)];
    }
}
