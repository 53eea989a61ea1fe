using Exemplars.Domain.Auditing;
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
/// Imports yearly ratings of party members and of collectives (party organisation, mass organisations) from XLSX.
/// All rows are checked first; any error saves nothing. Re-importing the same file changes nothing (rows are keyed by
/// person or organisation code, body and year). A row that changes a rating already recorded carries that rating's
/// version from the export (<see cref="Common.ImportVersions"/>, ADR 012). Rows are audited as one summary entry, not one
/// entry each.
/// </summary>
public static class ImportRatings
{
    public const int MaxRows = 200_000;
    public const int MaxReportedErrors = 500;
    public const string CodeHeader = "Mã người hoặc mã tổ chức";
    public const string BodyHeader = "Đối tượng xếp loại";
    public const string YearHeader = "Năm";
    public const string RatingHeader = "Xếp loại";

    public static IReadOnlyList<string> Headers { get; } = [CodeHeader, BodyHeader, YearHeader, RatingHeader];

    /// <summary>The export's columns: the import's, the name (for the reader, ignored on import) and the rating's version.</summary>
    public static IReadOnlyList<string> ExportHeaders { get; } = [.. Headers, "Họ và tên hoặc tên tổ chức", Common.ImportVersions.Header];

    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors, int ErrorCount)
    {
        public bool Applied => ErrorCount == 0;
    }

    private sealed record Line(int Row, string Code, int? PersonId, int? OrganizationId, CollectiveBody? Body, int Year, Rating Rating, string Version);

    private static readonly BulkInsert.Column<PersonRating>[] PersonColumns =
    [
        new("PersonId", NpgsqlTypes.NpgsqlDbType.Integer, r => r.PersonId),
        new("Year", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Year),
        new("Rating", NpgsqlTypes.NpgsqlDbType.Varchar, r => r.Rating.ToString()),
        new("Version", NpgsqlTypes.NpgsqlDbType.Uuid, r => r.Version),
    ];

    private static readonly BulkInsert.Column<CollectiveRating>[] CollectiveColumns =
    [
        new("OrganizationId", NpgsqlTypes.NpgsqlDbType.Integer, r => r.OrganizationId),
        new("Year", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Year),
        new("Body", NpgsqlTypes.NpgsqlDbType.Varchar, r => r.Body.ToString()),
        new("Rating", NpgsqlTypes.NpgsqlDbType.Varchar, r => r.Rating.ToString()),
        new("Version", NpgsqlTypes.NpgsqlDbType.Uuid, r => r.Version),
    ];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit, IEnumerable<IWatchesChanges> caches)
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

            var rows = read.Value;
            var errors = new ImportErrors(MaxReportedErrors);
            if (rows.Count == 0)
            {
                errors.Add(1, "Tệp không có dòng dữ liệu nào.");
                return errors.Report(0, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            var missing = Headers.Where(h => !rows[0].Cells.ContainsKey(VietnameseText.Fold(h))).ToList();
            if (missing.Count > 0)
            {
                errors.Add(1, $"Thiếu cột: {string.Join(", ", missing)}. Hãy dùng tệp mẫu.");
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            var people = await db.People.InScopeOf(user).AsNoTracking()
                .Select(p => new { p.Code, p.Id, p.IsPartyMember, p.PartyJoinYear })
                .ToDictionaryAsync(p => p.Code, cancellationToken);
            var organizations = await db.Organizations.InScopeOf(user).AsNoTracking()
                .Select(o => new { o.Code, o.Id })
                .ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
            var today = VietnamTime.Today(clock);
            var lines = new List<Line>(rows.Count);
            var seen = new Dictionary<(string, CollectiveBody?, int), int>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % 5000 == 0)
                {
                    progress?.Report(new ImportProgress("Đang kiểm tra", i, rows.Count));
                }

                var row = rows[i];
                var code = row.Get(CodeHeader).ToUpperInvariant();
                var (knownBody, body) = RegistryText.ParseBody(row.Get(BodyHeader));
                var (yearOk, year) = RegistryText.ParseYear(row.Get(YearHeader));
                var rating = RegistryText.ParseRating(row.Get(RatingHeader));
                var before = errors.Count;
                if (!knownBody)
                {
                    errors.Add(row.Number, $"Đối tượng xếp loại \"{row.Get(BodyHeader)}\" không hợp lệ (Đảng viên, Tổ chức đảng, Công đoàn, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh).");
                }

                if (!yearOk || year is null)
                {
                    errors.Add(row.Number, $"Năm \"{row.Get(YearHeader)}\" không hợp lệ.");
                }

                if (rating is null)
                {
                    errors.Add(row.Number, $"Xếp loại \"{row.Get(RatingHeader)}\" không hợp lệ (ví dụ: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ).");
                }

                int? personId = null;
                int? organizationId = null;
                if (knownBody && body is null)
                {
                    if (!people.TryGetValue(code, out var person))
                    {
                        errors.Add(row.Number, $"Không có người mã {code} trong sổ theo dõi của đồng chí.");
                    }
                    else if (!person.IsPartyMember)
                    {
                        errors.Add(row.Number, $"{code} không phải là đảng viên.");
                    }
                    else
                    {
                        personId = person.Id;
                        if (year is { } y && PersonRules.ValidateRatingYear(y, person.PartyJoinYear, today) is { } yearError)
                        {
                            errors.Add(row.Number, yearError.Message);
                        }
                    }
                }
                else if (knownBody)
                {
                    if (!organizations.TryGetValue(code, out var id))
                    {
                        errors.Add(row.Number, $"Không có tổ chức mã {code} trong phạm vi của đồng chí.");
                    }
                    else
                    {
                        organizationId = id;
                        if (year is { } y && PersonRules.ValidateRatingYear(y, null, today) is { } yearError)
                        {
                            errors.Add(row.Number, yearError.Message);
                        }
                    }
                }

                if (year is { } key && knownBody)
                {
                    if (seen.TryGetValue((code, body, key), out var first))
                    {
                        errors.Add(row.Number, $"Trùng với dòng {first} (cùng mã, đối tượng và năm).");
                    }
                    else
                    {
                        seen[(code, body, key)] = row.Number;
                    }
                }

                if (errors.Count == before)
                {
                    lines.Add(new Line(row.Number, code, personId, organizationId, body, year!.Value, rating!.Value, row.Get(Common.ImportVersions.Header)));
                }
            }

            if (errors.Count > 0)
            {
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            if (await Apply(lines, fileName, errors, progress, cancellationToken) is not { } counts)
            {
                return errors.Count > 0 ? errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count)) : ImportErrors.Conflict;
            }

            var (created, updated, unchanged) = counts;
            progress?.Report(new ImportProgress("Đã xong", lines.Count, lines.Count));
            return new Report(rows.Count, created, updated, unchanged, [], 0);
        }

        /// <summary>
        /// The counts, or null when nothing was saved: a row changed a rating without its current version (the reason is
        /// in <paramref name="errors"/>), or a concurrent write collided with this one.
        /// </summary>
        private async Task<(int Created, int Updated, int Unchanged)?> Apply(List<Line> lines, string fileName, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            var personIds = lines.Where(l => l.PersonId is not null).Select(l => l.PersonId!.Value).Distinct().ToList();
            var organizationIds = lines.Where(l => l.OrganizationId is not null).Select(l => l.OrganizationId!.Value).Distinct().ToList();
            var personRatings = personIds.Count == 0 ? [] : await db.PersonRatings.Where(r => personIds.Contains(r.PersonId)).ToDictionaryAsync(r => (r.PersonId, r.Year), cancellationToken);
            var collectiveRatings = organizationIds.Count == 0 ? [] : await db.CollectiveRatings.Where(r => organizationIds.Contains(r.OrganizationId)).ToDictionaryAsync(r => (r.OrganizationId, r.Year, r.Body), cancellationToken);
            int created = 0, updated = 0, unchanged = 0;
            var newPeople = new List<PersonRating>();
            var newCollectives = new List<CollectiveRating>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var line in lines)
            {
                if (line.PersonId is { } personId)
                {
                    if (personRatings.TryGetValue((personId, line.Year), out var existing))
                    {
                        if (existing.Rating == line.Rating)
                        {
                            unchanged++;
                            continue;
                        }

                        if (Common.ImportVersions.Refusal(line.Version, existing.Version, $"Xếp loại năm {line.Year} của người mã {line.Code}") is { } refusal)
                        {
                            errors.Add(line.Row, refusal);
                            continue;
                        }

                        existing.Rating = line.Rating;
                        existing.Version = Guid.NewGuid();
                        db.Entry(existing).Property(r => r.Rating).IsModified = true;
                        db.Entry(existing).Property(r => r.Version).IsModified = true;
                        updated++;
                    }
                    else
                    {
                        newPeople.Add(new PersonRating { PersonId = personId, Year = line.Year, Rating = line.Rating });
                        created++;
                    }
                }
                else
                {
                    var key = (line.OrganizationId!.Value, line.Year, line.Body!.Value);
                    if (collectiveRatings.TryGetValue(key, out var existing))
                    {
                        if (existing.Rating == line.Rating)
                        {
                            unchanged++;
                            continue;
                        }

                        if (Common.ImportVersions.Refusal(line.Version, existing.Version, $"Xếp loại năm {line.Year} ({line.Body!.Value.Label()}) của tổ chức mã {line.Code}") is { } refusal)
                        {
                            errors.Add(line.Row, refusal);
                            continue;
                        }

                        existing.Rating = line.Rating;
                        existing.Version = Guid.NewGuid();
                        db.Entry(existing).Property(r => r.Rating).IsModified = true;
                        db.Entry(existing).Property(r => r.Version).IsModified = true;
                        updated++;
                    }
                    else
                    {
                        newCollectives.Add(new CollectiveRating { OrganizationId = key.Item1, Year = key.Item2, Body = key.Item3, Rating = line.Rating });
                        created++;
                    }
                }
            }

            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                return null;
            }

            progress?.Report(new ImportProgress("Đang lưu", 0, lines.Count));
            // The bulk rows bypass EF and its interceptors: the suggestions they change are marked here, in the same save (ADR 014).
            db.SuggestionMarks.AddRange(Eligibility.SuggestionMarking.ForBulkRows(newPeople.Select(r => r.PersonId), newCollectives.Select(r => r.OrganizationId), clock.GetUtcNow().UtcDateTime));
            db.AuditEntries.Add(ImportErrors.Summary(user, clock, "RatingImport", fileName, $"{{\"rows\":{lines.Count},\"created\":{created},\"updated\":{updated},\"unchanged\":{unchanged}}}"));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                using (audit.Summarise<PersonRating>())
                using (audit.Summarise<CollectiveRating>())
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                // New ratings go in at the database's raw rate, in the same transaction (issue 14).
                await BulkInsert.RunAsync(db, "person_ratings", PersonColumns, newPeople, cancellationToken);
                await BulkInsert.RunAsync(db, "collective_ratings", CollectiveColumns, newCollectives, cancellationToken);
            }
            catch (Exception exception) when (exception is DbUpdateException || BulkInsert.IsDuplicate(exception))
            {
                // The same rating added or changed meanwhile by another import or edit: nothing of this file is kept.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                return null;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            if (newPeople.Count + newCollectives.Count > 0)
            {
                // The bulk rows bypassed EF: the caches that count ratings are told here.
                foreach (var cache in caches.Where(c => c.Concerns(typeof(PersonRating)) || c.Concerns(typeof(CollectiveRating))))
                {
                    cache.Clear();
                }
            }

            return (created, updated, unchanged);
        }
    }
}

/// <summary>Progress of a long import, shown to the person who started it.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)(100L * Done / Total);
}

public sealed record ImportRowError(int Row, string Message);

/// <summary>Collects row errors, keeping the first few hundred for the report and counting the rest.</summary>
public sealed class ImportErrors(int keep)
{
    private readonly List<ImportRowError> _errors = [];

    public int Count { get; private set; }

    public void Add(int row, string message)
    {
        Count++;
        if (_errors.Count < keep)
        {
            _errors.Add(new ImportRowError(row, message));
        }
    }

    /// <summary>
    /// An import collided with a concurrent write of the same rows (a version changed or a code was added since the
    /// rows were read): the transaction rolled back whole; a 409 in the vocabulary of <see cref="Common.Versions"/>.
    /// </summary>
    public static DomainError Conflict { get; } = DomainError.Conflict(
        Common.Versions.StaleCode,
        "Trong lúc nhập tệp, một số dòng vừa được người khác sửa hoặc nhập. Chưa lưu dòng nào của tệp; hãy nhập lại tệp.");

    public T Report<T>(int rows, Func<int, IReadOnlyList<ImportRowError>, int, T> build) => build(rows, _errors.OrderBy(e => e.Row).ToList(), Count);

    public static AuditEntry Summary(CurrentUser user, TimeProvider clock, string entityType, string fileName, string changes) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserId = user.UserId,
        UserName = user.Email,
        OrganizationId = user.OrganizationId,
        EntityType = entityType,
        EntityId = Path.GetFileName(fileName).Length > 100 ? Path.GetFileName(fileName)[..100] : Path.GetFileName(fileName),
        Action = "Imported",
        Changes = changes,
    };
}
