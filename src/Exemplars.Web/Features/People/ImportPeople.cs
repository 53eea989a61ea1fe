using Exemplars.Web.Features.Common;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>
/// Imports people into the registry from XLSX, all or nothing. A row whose person code exists updates that person
/// (so the same file imported twice changes nothing); other rows add people. A row that changes a person carries the
/// person's version from the export (<see cref="Common.ImportVersions"/>, ADR 012); a row edited, or a code added, by
/// someone else between the reading and the saving makes the whole import a 409 <c>concurrent_edit</c> with nothing saved.
/// </summary>
public static class ImportPeople
{
    public const int MaxRows = 50_000;
    public const string Code = "Mã người";
    public const string FullName = "Họ và tên";
    public const string BirthDate = "Ngày sinh";
    public const string Gender = "Giới tính";
    public const string Ethnicity = "Dân tộc";
    public const string Position = "Chức vụ";
    public const string Organization = "Mã tổ chức";
    public const string PartyMember = "Đảng viên";
    public const string JoinYear = "Năm vào Đảng";
    public const string Leader = "Lãnh đạo, quản lý";
    public const string LedOrganization = "Mã tập thể lãnh đạo";
    public const string Field = "Lĩnh vực";

    public static IReadOnlyList<string> Headers { get; } = [Code, FullName, BirthDate, Gender, Ethnicity, Position, Organization, PartyMember, JoinYear, Leader, LedOrganization, Field];

    /// <summary>The export's columns: the import's, then the unit's name (for the reader, ignored on import) and the version.</summary>
    public static IReadOnlyList<string> ExportHeaders { get; } = [.. Headers, "Tên tổ chức", Common.ImportVersions.Header];

    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors, int ErrorCount)
    {
        public bool Applied => ErrorCount == 0;
    }

    /// <summary>
    /// One person as the API's JSON import sends it: the template's columns, typed; <see cref="Version"/> is the person's
    /// version as read (needed when the row changes a person already in the registry).
    /// </summary>
    public sealed record Row(
        string? Code, string? FullName, DateOnly? BirthDate, Domain.People.Gender? Gender, string? Ethnicity, string? Position, string? OrganizationCode,
        bool IsPartyMember, int? PartyJoinYear, bool IsLeader, string? LedOrganizationCode, string? FieldCategoryCode, Guid? Version)
    {
        /// <summary>The row as the cells of <see cref="ExportHeaders"/> (the unit's name left empty).</summary>
        internal string[] Cells() =>
        [
            Code ?? string.Empty, FullName ?? string.Empty, JsonRows.Text(BirthDate), Gender?.ToString() ?? string.Empty, Ethnicity ?? string.Empty,
            Position ?? string.Empty, OrganizationCode ?? string.Empty, JsonRows.Text(IsPartyMember), PartyJoinYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            JsonRows.Text(IsLeader), LedOrganizationCode ?? string.Empty, FieldCategoryCode ?? string.Empty, string.Empty, JsonRows.Text(Version),
        ];
    }

    public sealed record Command(IReadOnlyList<Row>? Rows);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit)
    {
        public async Task<Result<Report>> Handle(Stream xlsx, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            progress?.Report(new ImportProgress("Đang đọc tệp", 0, 0));
            var read = Spreadsheet.Read(xlsx, MaxRows);
            if (!read.IsSuccess)
            {
                return Result<Report>.Failure(read.Errors);
            }

            return await Handle(read.Value, fileName, progress, cancellationToken);
        }

        /// <summary>The API's JSON rows (issue 17): written as the template's cells, then imported as a file's rows are.</summary>
        public Task<Result<Report>> Handle(IReadOnlyList<Row>? rows, CancellationToken cancellationToken) =>
            JsonRows.Count(rows, MaxRows) is { } refused
                ? Task.FromResult<Result<Report>>(refused)
                : Handle(SheetTable.Of(ExportHeaders, rows!.Select((r, i) => (i + 1, r?.Cells() ?? JsonRows.Blank(ExportHeaders.Count)))).AsSheetRows(), JsonRows.Name, null, cancellationToken);

        /// <summary>Rows read from a workbook or made from JSON: checked all, then saved all or none.</summary>
        public async Task<Result<Report>> Handle(IReadOnlyList<SheetRow> rows, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            var errors = new ImportErrors(ImportRatings.MaxReportedErrors);
            var missing = rows.Count == 0 ? [] : new[] { Code, FullName, Organization }.Where(h => !rows[0].Cells.ContainsKey(VietnameseText.Fold(h))).ToList();
            if (rows.Count == 0 || missing.Count > 0)
            {
                errors.Add(1, rows.Count == 0 ? "Tệp không có dòng dữ liệu nào." : $"Thiếu cột: {string.Join(", ", missing)}. Hãy dùng tệp mẫu.");
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            var organizations = await db.Organizations.InScopeOf(user).AsNoTracking().Where(o => o.IsActive)
                .Select(o => new PersonPlacement.Unit(o.Code, o.Id, o.Path)).ToDictionaryAsync(o => o.Code, cancellationToken);
            var categories = (await db.Categories.Where(c => c.Kind == NomineeKind.Individual).Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet();
            var existing = await db.People.Where(p => p.Code != null).ToDictionaryAsync(p => p.Code, cancellationToken);
            var organizationIds = organizations.Values.Select(o => o.Id).ToHashSet();

            // Codes of every organisation in scope, closed ones too: to recognise a row that says what a person already is.
            var codesInScope = await db.Organizations.InScopeOf(user).AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, cancellationToken);
            var today = VietnamTime.Today(clock);
            var drafts = new List<(PersonDraft Draft, int OrganizationId, int? LedId, int Row, string Version)>();
            var seen = new Dictionary<string, int>();
            var unchangedRows = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % 2000 == 0)
                {
                    progress?.Report(new ImportProgress("Đang kiểm tra", i, rows.Count));
                }

                var row = rows[i];
                var before = errors.Count;
                var code = row.Get(Code).ToUpperInvariant();
                var (dateOk, birth) = RegistryText.ParseDate(row.Get(BirthDate));
                var (genderOk, gender) = RegistryText.ParseGender(row.Get(Gender));
                var partyMember = RegistryText.ParseYesNo(row.Get(PartyMember));
                var leader = RegistryText.ParseYesNo(row.Get(Leader));
                var (yearOk, joinYear) = RegistryText.ParseYear(row.Get(JoinYear));
                if (existing.TryGetValue(code, out var same) && SaysWhatItIs(same, row, birth, gender, partyMember, joinYear, leader, codesInScope)
                    && seen.TryAdd(code, row.Number))
                {
                    // The row says what the person already is (a downloaded list going back in): not a write, so not
                    // checked against today's rules either — a unit closed since, or a rule added since, does not block it.
                    unchangedRows++;
                    continue;
                }

                if (!dateOk)
                {
                    errors.Add(row.Number, $"Ngày sinh \"{row.Get(BirthDate)}\" không đúng dạng ngày/tháng/năm (ví dụ 05/09/1980).");
                }

                if (!genderOk)
                {
                    errors.Add(row.Number, $"Giới tính \"{row.Get(Gender)}\" không hợp lệ (Nam hoặc Nữ).");
                }

                if (partyMember is null || leader is null)
                {
                    errors.Add(row.Number, "Cột Đảng viên và Lãnh đạo, quản lý ghi Có hoặc Không.");
                }

                if (!yearOk)
                {
                    errors.Add(row.Number, $"Năm vào Đảng \"{row.Get(JoinYear)}\" không hợp lệ.");
                }

                var field = row.Get(Field);
                if (field.Length > 0 && !categories.Contains(field))
                {
                    errors.Add(row.Number, $"Lĩnh vực \"{field}\" không phải là đối tượng cá nhân trong kế hoạch (ví dụ 3.2.5).");
                }

                var draft = new PersonDraft(code, row.Get(FullName), birth, gender, row.Get(Ethnicity), row.Get(Position), partyMember ?? false, joinYear, leader ?? false, field.Length == 0 ? null : field);
                foreach (var error in PersonRules.Validate(draft, today))
                {
                    errors.Add(row.Number, error.Message);
                }

                var (organization, ledId) = PersonPlacement.Check(code, row.Get(Organization).ToUpperInvariant(), row.Get(LedOrganization).ToUpperInvariant(),
                    organizations, existing, organizationIds, message => errors.Add(row.Number, message));

                if (seen.TryGetValue(code, out var first))
                {
                    errors.Add(row.Number, $"Mã người {code} trùng với dòng {first}.");
                }

                seen.TryAdd(code, row.Number);
                if (errors.Count == before)
                {
                    drafts.Add((draft, organization!.Id, ledId, row.Number, row.Get(Common.ImportVersions.Header)));
                }
            }

            if (errors.Count > 0)
            {
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            progress?.Report(new ImportProgress("Đang lưu", 0, drafts.Count));
            int created = 0, updated = 0, unchanged = unchangedRows;
            foreach (var (draft, organizationId, ledId, rowNumber, sentVersion) in drafts)
            {
                if (existing.TryGetValue(draft.Code, out var person))
                {
                    var version = person.Version;
                    if (!PersonPlacement.Apply(person, draft, organizationId, ledId))
                    {
                        unchanged++;
                    }
                    else if (Common.ImportVersions.Refusal(sentVersion, version, $"Người mã {draft.Code}") is { } refusal)
                    {
                        errors.Add(rowNumber, refusal);
                    }
                    else
                    {
                        updated++;
                    }
                }
                else
                {
                    var added = new Person();
                    SavePerson.Handler.Apply(added, draft, organizationId, ledId);
                    db.People.Add(added);
                    created++;
                }
            }

            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            // A row edited since it was read (its version changed) or a code added meanwhile by another import: the
            // transaction rolls back whole and the clerk imports again against the current registry.
            var summary = ImportErrors.Summary(user, clock, "PeopleImport", fileName, $"{{\"rows\":{drafts.Count},\"created\":{created},\"updated\":{updated},\"unchanged\":{unchanged}}}");
            if (await ImportErrors.SaveSummarisedAsync<Person>(db, audit, summary, cancellationToken) is { } conflict)
            {
                return conflict;
            }

            progress?.Report(new ImportProgress("Đã xong", drafts.Count, drafts.Count));
            return new Report(rows.Count, created, updated, unchanged, [], 0);
        }

        /// <summary>True when every column of the row equals the person as stored (texts trimmed, codes in scope).</summary>
        private static bool SaysWhatItIs(Person person, SheetRow row, DateOnly? birth, Domain.People.Gender? gender, bool? partyMember, int? joinYear, bool? leader, Dictionary<int, string> codesInScope) =>
            codesInScope.TryGetValue(person.OrganizationId, out var unit)
            && string.Equals(unit, row.Get(Organization), StringComparison.OrdinalIgnoreCase)
            && person.FullName == row.Get(FullName)
            && person.BirthDate == birth
            && person.Gender == gender
            && (person.Ethnicity ?? string.Empty) == row.Get(Ethnicity)
            && (person.Position ?? string.Empty) == row.Get(Position)
            && person.IsPartyMember == partyMember
            && person.PartyJoinYear == joinYear
            && person.IsLeader == leader
            && string.Equals(person.LedOrganizationId is { } led ? codesInScope.GetValueOrDefault(led) : string.Empty, row.Get(LedOrganization), StringComparison.OrdinalIgnoreCase)
            && (person.FieldCategoryCode ?? string.Empty) == row.Get(Field);
    }
}
