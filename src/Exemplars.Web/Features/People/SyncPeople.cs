using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>
/// Registry sync (issue 17 point 5, ADR 030): a party-member database or HR system pushes the people it keeps, keyed by
/// their code (the party card number or staff code). Each row is created, updated or left unchanged — the same push twice
/// changes nothing — or refused with its reasons while the other rows are applied; the system of record decides, so no
/// version is asked. Nothing is deleted: in a full sync the people in scope the push leaves out are reported as missing.
/// </summary>
public static class SyncPeople
{
    public const int MaxRows = 50_000;

    public sealed record Row(
        string? Code, string? FullName, DateOnly? BirthDate, Gender? Gender, string? Ethnicity, string? Position, string? OrganizationCode,
        bool IsPartyMember, int? PartyJoinYear, bool IsLeader, string? LedOrganizationCode, string? FieldCategoryCode);

    /// <param name="Full">True when the push holds everyone the sender keeps in the caller's scope: the others are reported missing.</param>
    public sealed record Command(bool Full, IReadOnlyList<Row>? People);

    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<RegistrySync.Refusal> Refusals, int Missing, IReadOnlyList<string> MissingCodes);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit)
    {
        public async Task<Result<Report>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            if (command.People is not { Count: > 0 } rows || rows.Count > MaxRows)
            {
                return DomainError.Invalid("People", $"Hãy gửi từ 1 đến {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} người trong một lần đồng bộ.");
            }

            var organizations = await db.Organizations.InScopeOf(user).AsNoTracking().Where(o => o.IsActive)
                .Select(o => new PersonPlacement.Unit(o.Code, o.Id, o.Path)).ToDictionaryAsync(o => o.Code, cancellationToken);
            var organizationIds = organizations.Values.Select(o => o.Id).ToHashSet();
            var categories = (await db.Categories.Where(c => c.Kind == NomineeKind.Individual).Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet();
            var codes = rows.Select(r => (r?.Code ?? string.Empty).Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
            var existing = new Dictionary<string, Person>();
            foreach (var chunk in codes.Chunk(1000))
            {
                foreach (var person in await db.People.Where(p => chunk.Contains(p.Code)).ToListAsync(cancellationToken))
                {
                    existing[person.Code] = person;
                }
            }

            var today = VietnamTime.Today(clock);
            var refusals = new List<RegistrySync.Refusal>();
            var seen = new Dictionary<string, int>();
            int created = 0, updated = 0, unchanged = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var reasons = new List<string>();
                var code = (row?.Code ?? string.Empty).Trim().ToUpperInvariant();
                if (row is null)
                {
                    refusals.Add(new RegistrySync.Refusal(i, null, ["Dòng trống."]));
                    continue;
                }

                var field = row.FieldCategoryCode?.Trim() ?? string.Empty;
                if (field.Length > 0 && !categories.Contains(field))
                {
                    reasons.Add($"Lĩnh vực \"{field}\" không phải là đối tượng cá nhân trong kế hoạch (ví dụ 3.2.5).");
                }

                if (row.Gender is { } gender && !Enum.IsDefined(gender))
                {
                    reasons.Add("Giới tính không hợp lệ (Male hoặc Female).");
                }

                var draft = new PersonDraft(code, row.FullName?.Trim() ?? string.Empty, row.BirthDate, row.Gender, row.Ethnicity?.Trim() ?? string.Empty, row.Position?.Trim() ?? string.Empty,
                    row.IsPartyMember, row.PartyJoinYear, row.IsLeader, field.Length == 0 ? null : field);
                reasons.AddRange(PersonRules.Validate(draft, today).Select(e => e.Message));
                var (organization, ledId) = PersonPlacement.Check(code, (row.OrganizationCode ?? string.Empty).Trim().ToUpperInvariant(),
                    (row.LedOrganizationCode ?? string.Empty).Trim().ToUpperInvariant(), organizations, existing, organizationIds, reasons.Add);
                if (code.Length > 0 && !seen.TryAdd(code, i))
                {
                    reasons.Add($"Mã người {code} trùng với dòng {seen[code]}.");
                }

                if (reasons.Count > 0 || organization is null)
                {
                    refusals.Add(new RegistrySync.Refusal(i, code.Length == 0 ? null : code, reasons));
                    continue;
                }

                if (existing.TryGetValue(code, out var person))
                {
                    if (PersonPlacement.Apply(person, draft, organization.Id, ledId))
                    {
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    var added = new Person();
                    PersonPlacement.Apply(added, draft, organization.Id, ledId);
                    db.People.Add(added);
                    existing[code] = added;
                    created++;
                }
            }

            var missing = new RegistrySync.Missing();
            if (command.Full)
            {
                var sent = codes.ToHashSet();
                await foreach (var kept in db.People.InScopeOf(user).Where(p => p.IsActive).Select(p => p.Code).OrderBy(c => c).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    if (!sent.Contains(kept))
                    {
                        missing.Add(kept);
                    }
                }
            }

            var report = new Report(rows.Count, created, updated, unchanged, refusals.Count, refusals.Take(RegistrySync.MaxListedRefusals).ToList(), missing.Count, missing.Listed);
            // A code added meanwhile by someone else: nothing of this push is saved; pushing it again applies it.
            var summary = ImportErrors.Summary(user, clock, "PeopleSync", "api", RegistrySync.Counts(rows.Count, created, updated, unchanged, refusals.Count, missing.Count));
            if (await ImportErrors.SaveSummarisedAsync<Person>(db, audit, summary, cancellationToken) is { } conflict)
            {
                return conflict;
            }

            return report;
        }
    }
}
