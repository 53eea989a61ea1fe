using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>
/// Registry sync of party members' yearly ratings (issue 17 point 5, ADR 030), keyed by the person's code and the year:
/// each row is created, updated, unchanged or refused with its reasons (person not in scope, not a party member, a year
/// before joining or not yet over, a score the year's regulation does not keep); a push never clears a rating. In a full
/// push, the ratings in scope for the pushed years that the push leaves out are reported, not removed. Grassroots
/// organisations over the 20 % cap on excellent ratings after the push are reported as warnings (ADR 026).
/// </summary>
public static class SyncRatings
{
    public const int MaxRows = 200_000;

    public sealed record Row(string? PersonCode, int Year, Rating? Rating, int? Score);

    public sealed record Command(bool Full, IReadOnlyList<Row>? Ratings);

    public sealed record Report(
        int Rows, int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<RegistrySync.Refusal> Refusals, int Missing, IReadOnlyList<string> MissingKeys,
        IReadOnlyList<RatingQuality.Warning> ExcellentShareWarnings);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit, ExcellentShares shares)
    {
        public async Task<Result<Report>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            if (command.Ratings is not { Count: > 0 } rows || rows.Count > MaxRows)
            {
                return DomainError.Invalid("Ratings", $"Hãy gửi từ 1 đến {MaxRows} xếp loại trong một lần đồng bộ.");
            }

            var codes = rows.Select(r => (r?.PersonCode ?? string.Empty).Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
            var people = new Dictionary<string, Person>();
            foreach (var chunk in codes.Chunk(1000))
            {
                foreach (var person in await db.People.InScopeOf(user).Include(p => p.Ratings).Where(p => chunk.Contains(p.Code)).ToListAsync(cancellationToken))
                {
                    people[person.Code] = person;
                }
            }

            var today = VietnamTime.Today(clock);
            var refusals = new List<RegistrySync.Refusal>();
            var seen = new Dictionary<(string, int), int>();
            var touched = new List<(int UnitId, int Year)>();
            int created = 0, updated = 0, unchanged = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var code = (row?.PersonCode ?? string.Empty).Trim().ToUpperInvariant();
                var reasons = new List<string>();
                if (row is null || !people.TryGetValue(code, out var person))
                {
                    refusals.Add(new RegistrySync.Refusal(i, code.Length == 0 ? null : code, [$"Không có người mã {code} trong sổ theo dõi thuộc phạm vi của đồng chí."]));
                    continue;
                }

                if (!person.IsPartyMember)
                {
                    reasons.Add("Chỉ đảng viên mới có xếp loại chất lượng hằng năm.");
                }

                if (PersonRules.ValidateRatingYear(row.Year, person.PartyJoinYear, today) is { } yearError)
                {
                    reasons.Add(yearError.Message);
                }

                if (row.Rating is not { } rating || !Enum.IsDefined(rating))
                {
                    reasons.Add("Thiếu xếp loại hoặc xếp loại không hợp lệ (đồng bộ không xóa xếp loại; xóa trên trang sổ theo dõi).");
                }
                else if (RatingScores.Validate(row.Year, row.Score, rating) is { } scoreError)
                {
                    reasons.Add(scoreError.Message);
                }

                if (!seen.TryAdd((code, row.Year), i))
                {
                    reasons.Add($"Xếp loại năm {row.Year} của người mã {code} trùng với dòng {seen[(code, row.Year)]}.");
                }

                if (reasons.Count > 0)
                {
                    refusals.Add(new RegistrySync.Refusal(i, code, reasons));
                    continue;
                }

                var existing = person.Ratings.SingleOrDefault(r => r.Year == row.Year);
                if (existing is null)
                {
                    person.Ratings.Add(new PersonRating { Year = row.Year, Rating = row.Rating!.Value, Score = row.Score });
                    created++;
                }
                else if (existing.Rating == row.Rating && existing.Score == row.Score)
                {
                    unchanged++;
                    continue;
                }
                else
                {
                    existing.Rating = row.Rating!.Value;
                    existing.Score = row.Score;
                    existing.Version = Guid.NewGuid();
                    updated++;
                }

                touched.Add((person.OrganizationId, row.Year));
            }

            var missing = new RegistrySync.Missing();
            if (command.Full)
            {
                var years = rows.Where(r => r is not null).Select(r => r.Year).Distinct().ToList();
                var kept = from r in db.PersonRatings
                           join p in db.People.InScopeOf(user) on r.PersonId equals p.Id
                           where years.Contains(r.Year)
                           orderby p.Code, r.Year
                           select new { p.Code, r.Year };
                await foreach (var k in kept.AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    if (!seen.ContainsKey((k.Code, k.Year)))
                    {
                        missing.Add($"{k.Code}/{k.Year}");
                    }
                }
            }

            var summary = ImportErrors.Summary(user, clock, "RatingSync", "api", RegistrySync.Counts(rows.Count, created, updated, unchanged, refusals.Count, missing.Count));
            if (await ImportErrors.SaveSummarisedAsync<PersonRating>(db, audit, summary, cancellationToken) is { } conflict)
            {
                return conflict;
            }

            var over = touched.Count == 0 ? [] : await shares.ExceededAsync("/", null, await shares.TouchedAsync(touched, cancellationToken), cancellationToken);
            return new Report(rows.Count, created, updated, unchanged, refusals.Count, refusals.Take(RegistrySync.MaxListedRefusals).ToList(), missing.Count, missing.Listed, over.Select(RatingQuality.Warning.Of).ToList());
        }
    }
}
