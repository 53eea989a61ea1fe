using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// Registry sync of collectives' yearly ratings (issue 17 point 5, ADR 030), keyed by the organisation's code, the body
/// rated (party organisation, trade union, youth union…) and the year: each row is created, updated, unchanged or refused
/// with its reasons (organisation not in scope, a year not yet over, an unknown body or level); a push never clears a
/// rating. In a full push, the ratings in scope for the pushed years that the push leaves out are reported, not removed.
/// </summary>
public static class SyncCollectiveRatings
{
    public const int MaxRows = 200_000;

    public sealed record Row(string? OrganizationCode, CollectiveBody? Body, int Year, Rating? Rating);

    public sealed record Command(bool Full, IReadOnlyList<Row>? Ratings);

    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<RegistrySync.Refusal> Refusals, int Missing, IReadOnlyList<string> MissingKeys);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit)
    {
        public async Task<Result<Report>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            if (command.Ratings is not { Count: > 0 } rows || rows.Count > MaxRows)
            {
                return DomainError.Invalid("Ratings", $"Hãy gửi từ 1 đến {MaxRows.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} xếp loại trong một lần đồng bộ.");
            }

            var codes = rows.Select(r => Code(r?.OrganizationCode)).Where(c => c.Length > 0).Distinct().ToList();
            var units = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var chunk in codes.Chunk(1000))
            {
                foreach (var unit in await db.Organizations.InScopeOf(user).Where(o => chunk.Contains(o.Code)).Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken))
                {
                    units[unit.Code] = unit.Id;
                }
            }

            var ids = units.Values.ToList();
            var stored = new Dictionary<(int, CollectiveBody, int), CollectiveRating>();
            foreach (var chunk in ids.Chunk(1000))
            {
                foreach (var rating in await db.CollectiveRatings.Where(r => chunk.Contains(r.OrganizationId)).ToListAsync(cancellationToken))
                {
                    stored[(rating.OrganizationId, rating.Body, rating.Year)] = rating;
                }
            }

            var today = VietnamTime.Today(clock);
            var refusals = new List<RegistrySync.Refusal>();
            var seen = new Dictionary<(string, CollectiveBody, int), int>();
            int created = 0, updated = 0, unchanged = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var code = Code(row?.OrganizationCode);
                if (row is null || !units.TryGetValue(code, out var organizationId))
                {
                    refusals.Add(new RegistrySync.Refusal(i, code.Length == 0 ? null : code, [$"Không có tổ chức mã {code} thuộc phạm vi của đồng chí."]));
                    continue;
                }

                var reasons = new List<string>();
                if (row.Body is not { } body || !Enum.IsDefined(body))
                {
                    reasons.Add("Thiếu đối tượng xếp loại (tổ chức đảng, công đoàn, đoàn thanh niên…) hoặc đối tượng không hợp lệ.");
                    body = default;
                }

                if (PersonRules.ValidateRatingYear(row.Year, null, today) is { } yearError)
                {
                    reasons.Add(yearError.Message);
                }

                if (row.Rating is not { } level || !Enum.IsDefined(level))
                {
                    reasons.Add("Thiếu xếp loại hoặc xếp loại không hợp lệ (đồng bộ không xóa xếp loại; xóa trên trang của tổ chức).");
                }

                if (reasons.Count == 0 && !seen.TryAdd((code, body, row.Year), i))
                {
                    reasons.Add($"Xếp loại năm {row.Year} của tổ chức mã {code} trùng với dòng {seen[(code, body, row.Year)]}.");
                }

                if (reasons.Count > 0)
                {
                    refusals.Add(new RegistrySync.Refusal(i, code, reasons));
                    continue;
                }

                if (!stored.TryGetValue((organizationId, body, row.Year), out var existing))
                {
                    var added = new CollectiveRating { OrganizationId = organizationId, Body = body, Year = row.Year, Rating = row.Rating!.Value };
                    db.CollectiveRatings.Add(added);
                    stored[(organizationId, body, row.Year)] = added;
                    created++;
                }
                else if (existing.Rating == row.Rating)
                {
                    unchanged++;
                }
                else
                {
                    existing.Rating = row.Rating!.Value;
                    existing.Version = Guid.NewGuid();
                    updated++;
                }
            }

            var missing = new RegistrySync.Missing();
            if (command.Full)
            {
                var years = rows.Where(r => r is not null).Select(r => r.Year).Distinct().ToList();
                var kept = from r in db.CollectiveRatings
                           join o in db.Organizations.InScopeOf(user) on r.OrganizationId equals o.Id
                           where years.Contains(r.Year)
                           orderby o.Code, r.Year, r.Body
                           select new { o.Code, r.Body, r.Year };
                await foreach (var k in kept.AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    if (!seen.ContainsKey((k.Code, k.Body, k.Year)))
                    {
                        missing.Add($"{k.Code}/{k.Body}/{k.Year}");
                    }
                }
            }

            var summary = ImportErrors.Summary(user, clock, "CollectiveRatingSync", "api", RegistrySync.Counts(rows.Count, created, updated, unchanged, refusals.Count, missing.Count));
            if (await ImportErrors.SaveSummarisedAsync<CollectiveRating>(db, audit, summary, cancellationToken) is { } conflict)
            {
                return conflict;
            }

            return new Report(rows.Count, created, updated, unchanged, refusals.Count, refusals.Take(RegistrySync.MaxListedRefusals).ToList(), missing.Count, missing.Listed);
        }

        private static string Code(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();
    }
}
