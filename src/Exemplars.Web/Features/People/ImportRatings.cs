using Exemplars.Web.Features.Common;
using System.Runtime.InteropServices;
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
/// entry each. An optional column "Điểm" carries the 100-point score of 366-QĐ/TW (from the 2025 ratings); a file
/// without it leaves recorded scores as they are. After a successful import the report warns, for each grassroots
/// organisation and year of the file's party members, where excellent ratings exceed 20 % of good ones (ADR 026).
/// </summary>
public static class ImportRatings
{
    public const int MaxRows = 200_000;
    public const int MaxReportedErrors = 500;
    public const string CodeHeader = "Mã người hoặc mã tổ chức";
    public const string BodyHeader = "Đối tượng xếp loại";
    public const string YearHeader = "Năm";
    public const string RatingHeader = "Xếp loại";
    public const string ScoreHeader = "Điểm";

    /// <summary>The columns a file must have ("Điểm" is optional: files made before it keep working).</summary>
    public static IReadOnlyList<string> Headers { get; } = [CodeHeader, BodyHeader, YearHeader, RatingHeader];

    /// <summary>The template's columns: the required ones and the optional score.</summary>
    public static IReadOnlyList<string> TemplateHeaders { get; } = [.. Headers, ScoreHeader];

    /// <summary>The export's columns: the import's, the name (for the reader, ignored on import) and the rating's version.</summary>
    public static IReadOnlyList<string> ExportHeaders { get; } = [.. TemplateHeaders, "Họ và tên hoặc tên tổ chức", Common.ImportVersions.Header];

    private static readonly string[] JsonHeaders = [.. TemplateHeaders, Common.ImportVersions.Header];

    /// <summary>
    /// One rating as the API's JSON import sends it: the code of a person or organisation, the body rated (none: the
    /// person as a party member), the year, the level, the 100-point score (none clears it), and the version of that
    /// year's rating as read (needed when the row changes a rating already recorded).
    /// </summary>
    public sealed record Row(string? Code, CollectiveBody? Body, int? Year, Rating? Rating, int? Score, Guid? Version)
    {
        internal string[] Cells() =>
            [Code ?? string.Empty, Body?.ToString() ?? "Đảng viên", JsonRows.Text(Year), Rating?.ToString() ?? string.Empty, JsonRows.Text(Score), JsonRows.Text(Version)];
    }

    public sealed record Command(IReadOnlyList<Row>? Rows);

    /// <param name="Warnings">After a successful import: the grassroots organisations and years of the file over the 20 % cap on excellent ratings.</param>
    /// <param name="ScoreWarnings">After a successful import: rows whose score falls in another level's points (the first few hundred).</param>
    /// <param name="ScoreWarningCount">How many rows that is in all.</param>
    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors, int ErrorCount,
        IReadOnlyList<RatingQuality.Warning>? Warnings = null, IReadOnlyList<ImportRowError>? ScoreWarnings = null, int ScoreWarningCount = 0)
    {
        public bool Applied => ErrorCount == 0;
    }

    /// <summary>A valid row; <see cref="HasScore"/> is false when the file has no "Điểm" column (the recorded score stays).</summary>
    private readonly record struct Line(int Row, string Code, int? PersonId, int? OrganizationId, CollectiveBody? Body, int Year, Rating Rating, string Version, bool HasScore, int? Score);

    /// <summary>A person in scope as the rows need them: found by code once, in bulk.</summary>
    private readonly record struct Subject(int Id, int OrganizationId, bool IsPartyMember, int? PartyJoinYear);

    /// <summary>A rating to add, as the bulk insert writes it (not an entity: no tracking, no GUID drawn per row).</summary>
    private readonly record struct NewPersonRating(int PersonId, int Year, Rating Rating, int? Score, Guid Version);

    private readonly record struct NewCollectiveRating(int OrganizationId, int Year, CollectiveBody Body, Rating Rating, Guid Version);

    private static readonly BulkInsert.Column<NewPersonRating>[] PersonColumns =
    [
        new("PersonId", NpgsqlTypes.NpgsqlDbType.Integer, r => r.PersonId),
        new("Year", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Year),
        new("Rating", NpgsqlTypes.NpgsqlDbType.Varchar, r => r.Rating.ToString()),
        new("Score", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Score),
        new("Version", NpgsqlTypes.NpgsqlDbType.Uuid, r => r.Version),
    ];

    private static readonly BulkInsert.Column<Eligibility.SuggestionMark>[] MarkColumns =
    [
        new("Kind", NpgsqlTypes.NpgsqlDbType.Integer, m => (int)m.Kind),
        new("SubjectId", NpgsqlTypes.NpgsqlDbType.Integer, m => m.SubjectId),
        new("CreatedAtUtc", NpgsqlTypes.NpgsqlDbType.TimestampTz, m => m.CreatedAtUtc),
    ];

    private static readonly BulkInsert.Column<NewCollectiveRating>[] CollectiveColumns =
    [
        new("OrganizationId", NpgsqlTypes.NpgsqlDbType.Integer, r => r.OrganizationId),
        new("Year", NpgsqlTypes.NpgsqlDbType.Integer, r => r.Year),
        new("Body", NpgsqlTypes.NpgsqlDbType.Varchar, r => r.Body.ToString()),
        new("Rating", NpgsqlTypes.NpgsqlDbType.Varchar, r => r.Rating.ToString()),
        new("Version", NpgsqlTypes.NpgsqlDbType.Uuid, r => r.Version),
    ];

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit, IEnumerable<IWatchesChanges> caches, ChangeBroadcast broadcast, ExcellentShares shares)
    {
        public async Task<Result<Report>> Handle(Stream xlsx, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            progress?.Report(new ImportProgress("Đang đọc tệp", 0, 0));
            var read = Spreadsheet.ReadTable(xlsx, MaxRows);
            if (!read.IsSuccess)
            {
                return Result<Report>.Failure(read.Errors);
            }

            return await Handle(read.Value, fileName, progress, cancellationToken);
        }

        /// <summary>The API's JSON rows (issue 17): written as the template's cells (score included), then imported as a file's rows are.</summary>
        public Task<Result<Report>> Handle(IReadOnlyList<Row>? rows, CancellationToken cancellationToken) =>
            JsonRows.Count(rows, MaxRows) is { } refused
                ? Task.FromResult<Result<Report>>(refused)
                : Handle(SheetTable.Of(JsonHeaders, rows!.Select((r, i) => (i + 1, r?.Cells() ?? JsonRows.Blank(JsonHeaders.Length)))), JsonRows.Name, null, cancellationToken);

        /// <summary>Rows read from a workbook or made from JSON: checked all, then saved all or none.</summary>
        public async Task<Result<Report>> Handle(SheetTable table, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(table);
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            var rows = table.Rows;
            var errors = new ImportErrors(MaxReportedErrors);
            if (rows.Count == 0)
            {
                errors.Add(1, "Tệp không có dòng dữ liệu nào.");
                return errors.Report(0, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            var missing = Headers.Where(h => !table.Columns.Contains(h)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(1, $"Thiếu cột: {string.Join(", ", missing)}. Hãy dùng tệp mẫu.");
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            var people = await db.People.InScopeOf(user).AsNoTracking()
                .Select(p => new { p.Code, p.Id, p.OrganizationId, p.IsPartyMember, p.PartyJoinYear })
                .ToDictionaryAsync(p => p.Code, p => new Subject(p.Id, p.OrganizationId, p.IsPartyMember, p.PartyJoinYear), cancellationToken);
            var organizations = await db.Organizations.InScopeOf(user).AsNoTracking()
                .Select(o => new { o.Code, o.Id })
                .ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
            var scoreWarnings = new ImportErrors(MaxReportedErrors);
            var lines = Validate(table, people, organizations, errors, scoreWarnings, progress);
            if (errors.Count > 0)
            {
                return errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count));
            }

            if (await Apply(lines, people.Values, fileName, errors, progress, cancellationToken) is not { } counts)
            {
                return errors.Count > 0 ? errors.Report(rows.Count, (n, list, count) => new Report(n, 0, 0, 0, list, count)) : ImportErrors.Conflict;
            }

            var (created, updated, unchanged) = counts;
            progress?.Report(new ImportProgress("Đang kiểm tra tỷ lệ xếp loại", lines.Count, lines.Count));
            var warnings = await Warnings(lines, people, cancellationToken);
            progress?.Report(new ImportProgress("Đã xong", lines.Count, lines.Count));
            var scored = scoreWarnings.Report(0, (_, list, count) => (list, count));
            return new Report(rows.Count, created, updated, unchanged, [], 0, warnings, scored.list, scored.count);
        }

        /// <summary>
        /// The grassroots organisations and years of the file's party-member rows that are over the 20 % cap now that the
        /// file is saved: two reads of organisations and one grouped count of ratings, whatever the number of rows.
        /// </summary>
        private async Task<IReadOnlyList<RatingQuality.Warning>> Warnings(List<Line> lines, Dictionary<string, Subject> people, CancellationToken cancellationToken)
        {
            var unitOf = new Dictionary<int, int>();
            foreach (var person in people.Values)
            {
                unitOf[person.Id] = person.OrganizationId;
            }

            var units = new HashSet<(int, int)>();
            foreach (var line in lines)
            {
                if (line.PersonId is { } id)
                {
                    units.Add((unitOf[id], line.Year));
                }
            }

            var touched = await shares.TouchedAsync(units, cancellationToken);
            var over = await shares.ExceededAsync("/", null, touched, cancellationToken);
            return over.OrderBy(s => s.Year).ThenBy(s => s.OrganizationName, StringComparer.Ordinal).Select(RatingQuality.Warning.Of).ToList();
        }

        /// <summary>
        /// Checks every row against the registry loaded once (people and organisations in scope, by code) and returns the
        /// valid ones; the errors of the others go to <paramref name="errors"/>. Cells are read by column index from the
        /// row arrays, and the few words a column repeats are parsed once each (issue 14).
        /// </summary>
        private List<Line> Validate(SheetTable table, Dictionary<string, Subject> people, Dictionary<string, int> organizations, ImportErrors errors, ImportErrors scoreWarnings, IProgress<ImportProgress>? progress)
        {
            var rows = table.Rows;
            var codeColumn = table.Columns.IndexOf(CodeHeader);
            var bodyColumn = table.Columns.IndexOf(BodyHeader);
            var yearColumn = table.Columns.IndexOf(YearHeader);
            var ratingColumn = table.Columns.IndexOf(RatingHeader);
            var versionColumn = table.Columns.IndexOf(Common.ImportVersions.Header);
            var scoreColumn = table.Columns.IndexOf(ScoreHeader);
            var today = VietnamTime.Today(clock);
            var bodies = new Dictionary<string, (bool Known, CollectiveBody? Body)>(StringComparer.Ordinal);
            var ratings = new Dictionary<string, Rating?>(StringComparer.Ordinal);

            // A row repeats an earlier one when it has the same code, body and year; a known code is keyed by its id.
            var seenPeople = new Dictionary<(int, int), int>();
            var seenCollectives = new Dictionary<(int, CollectiveBody, int), int>();
            var seenUnknown = new Dictionary<(string, CollectiveBody?, int), int>();
            var lines = new List<Line>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % 5000 == 0)
                {
                    progress?.Report(new ImportProgress("Đang kiểm tra", i, rows.Count));
                }

                var row = rows[i];
                var code = row[codeColumn].ToUpperInvariant();
                var bodyText = row[bodyColumn];
                ref var parsedBody = ref CollectionsMarshal.GetValueRefOrAddDefault(bodies, bodyText, out var bodyParsed);
                if (!bodyParsed)
                {
                    parsedBody = RegistryText.ParseBody(bodyText);
                }

                var (knownBody, body) = parsedBody;
                var (yearOk, year) = RegistryText.ParseYear(row[yearColumn]);
                var ratingText = row[ratingColumn];
                ref var rating = ref CollectionsMarshal.GetValueRefOrAddDefault(ratings, ratingText, out var ratingParsed);
                if (!ratingParsed)
                {
                    rating = RegistryText.ParseRating(ratingText);
                }

                var before = errors.Count;
                if (!knownBody)
                {
                    errors.Add(row.Number, $"Đối tượng xếp loại \"{bodyText}\" không hợp lệ (Đảng viên, Tổ chức đảng, Công đoàn, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh).");
                }

                if (!yearOk || year is null)
                {
                    errors.Add(row.Number, $"Năm \"{row[yearColumn]}\" không hợp lệ.");
                }

                var (scoreOk, score) = RegistryText.ParseScore(row[scoreColumn]);
                if (!scoreOk)
                {
                    errors.Add(row.Number, $"Điểm \"{row[scoreColumn]}\" không hợp lệ: điểm phải là số nguyên từ 0 đến {RatingScores.Max}.");
                }
                else if (score is not null && knownBody && body is not null)
                {
                    errors.Add(row.Number, "Chỉ ghi điểm cho xếp loại đảng viên, không ghi cho xếp loại tập thể.");
                }
                else if (year is { } scoredYear && rating is not null && RatingScores.Validate(scoredYear, score, rating) is { } scoreError)
                {
                    errors.Add(row.Number, scoreError.Message);
                }

                if (rating is null)
                {
                    errors.Add(row.Number, $"Xếp loại \"{ratingText}\" không hợp lệ (ví dụ: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ).");
                }

                int? personId = null;
                int? organizationId = null;
                int? known = null;
                if (knownBody && body is null)
                {
                    if (!people.TryGetValue(code, out var person))
                    {
                        errors.Add(row.Number, $"Không có người mã {code} trong sổ theo dõi của đồng chí.");
                    }
                    else if (!person.IsPartyMember)
                    {
                        known = person.Id;
                        errors.Add(row.Number, $"{code} không phải là đảng viên.");
                    }
                    else
                    {
                        known = personId = person.Id;
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
                        known = organizationId = id;
                        if (year is { } y && PersonRules.ValidateRatingYear(y, null, today) is { } yearError)
                        {
                            errors.Add(row.Number, yearError.Message);
                        }
                    }
                }

                if (year is { } key && knownBody)
                {
                    var first = known is not { } subject ? FirstRow(seenUnknown, (code, body, key), row.Number)
                        : body is { } collective ? FirstRow(seenCollectives, (subject, collective, key), row.Number)
                        : FirstRow(seenPeople, (subject, key), row.Number);
                    if (first is { } firstRow)
                    {
                        errors.Add(row.Number, $"Trùng với dòng {firstRow} (cùng mã, đối tượng và năm).");
                    }
                }

                if (errors.Count == before)
                {
                    lines.Add(new Line(row.Number, code, personId, organizationId, body, year!.Value, rating!.Value, row[versionColumn], scoreColumn >= 0, score));
                    if (RatingScores.Disagreement(year.Value, score, rating) is { } disagreement)
                    {
                        scoreWarnings.Add(row.Number, $"{code}: {disagreement}");
                    }
                }
            }

            return lines;
        }

        /// <summary>The row that first had <paramref name="key"/>, or null (and <paramref name="row"/> is recorded as the first).</summary>
        private static int? FirstRow<TKey>(Dictionary<TKey, int> seen, TKey key, int row)
            where TKey : notnull
        {
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
            if (exists)
            {
                return first;
            }

            first = row;
            return null;
        }

        /// <summary>
        /// The counts, or null when nothing was saved: a row changed a rating without its current version (the reason is
        /// in <paramref name="errors"/>), or a concurrent write collided with this one.
        /// </summary>
        private async Task<(int Created, int Updated, int Unchanged)?> Apply(List<Line> lines, IReadOnlyCollection<Subject> people, string fileName, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            var personIdSet = new HashSet<int>();
            var organizationIdSet = new HashSet<int>();
            foreach (var line in lines)
            {
                if (line.PersonId is { } id)
                {
                    personIdSet.Add(id);
                }
                else
                {
                    organizationIdSet.Add(line.OrganizationId!.Value);
                }
            }

            // The ids go as one array parameter (json_each on SQLite, = ANY on PostgreSQL): EF 10's default of one
            // parameter per id took 2.4 s to prepare for 25,000 people and cannot pass PostgreSQL's 65,535 (issue 14).
            // Read without tracking; only the ratings a row changes are attached, below.
            List<int> personIds = [.. personIdSet];
            List<int> organizationIds = [.. organizationIdSet];
            var personRatings = personIds.Count == 0 ? [] : await db.PersonRatings.AsNoTracking()
                .Where(r => EF.Parameter(personIds).Contains(r.PersonId))
                .ToDictionaryAsync(r => (r.PersonId, r.Year), cancellationToken);
            var collectiveRatings = organizationIds.Count == 0 ? [] : await db.CollectiveRatings.AsNoTracking()
                .Where(r => EF.Parameter(organizationIds).Contains(r.OrganizationId))
                .ToDictionaryAsync(r => (r.OrganizationId, r.Year, r.Body), cancellationToken);
            int created = 0, updated = 0, unchanged = 0;
            var newPeople = new List<NewPersonRating>(personIds.Count == 0 ? 0 : lines.Count);
            var newCollectives = new List<NewCollectiveRating>();
            var versions = new BulkInsert.NewVersions();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var line in lines)
            {
                if (line.PersonId is { } personId)
                {
                    if (personRatings.TryGetValue((personId, line.Year), out var existing))
                    {
                        var score = line.HasScore ? line.Score : existing.Score;
                        if (existing.Rating == line.Rating && existing.Score == score)
                        {
                            unchanged++;
                            continue;
                        }

                        if (Common.ImportVersions.Refusal(line.Version, existing.Version, $"Xếp loại năm {line.Year} của người mã {line.Code}") is { } refusal)
                        {
                            errors.Add(line.Row, refusal);
                            continue;
                        }

                        // Attached as read, so the version read is the one the update checks (ADR 012).
                        var entry = db.Attach(existing);
                        existing.Rating = line.Rating;
                        existing.Score = score;
                        existing.Version = versions.Next();
                        entry.Property(r => r.Rating).IsModified = true;
                        entry.Property(r => r.Score).IsModified = true;
                        entry.Property(r => r.Version).IsModified = true;
                        updated++;
                    }
                    else
                    {
                        newPeople.Add(new NewPersonRating(personId, line.Year, line.Rating, line.Score, versions.Next()));
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

                        // Attached as read, so the version read is the one the update checks (ADR 012).
                        var entry = db.Attach(existing);
                        existing.Rating = line.Rating;
                        existing.Version = versions.Next();
                        entry.Property(r => r.Rating).IsModified = true;
                        entry.Property(r => r.Version).IsModified = true;
                        updated++;
                    }
                    else
                    {
                        newCollectives.Add(new NewCollectiveRating(key.Item1, key.Item2, key.Item3, line.Rating, versions.Next()));
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
            // The bulk rows bypass EF and its interceptors: the suggestions they change are marked here, in the same
            // transaction (ADR 014), and in bulk too: 25,000 tracked marks cost more than the 100,000 ratings. A unit
            // whose people are mostly in the file gets one mark for all of them.
            var unitOf = new Dictionary<int, int>(newPeople.Count == 0 ? 0 : people.Count);
            var peopleInUnit = new Dictionary<int, int>();
            if (newPeople.Count > 0)
            {
                foreach (var person in people)
                {
                    unitOf[person.Id] = person.OrganizationId;
                    CollectionsMarshal.GetValueRefOrAddDefault(peopleInUnit, person.OrganizationId, out _)++;
                }
            }

            var marks = Eligibility.SuggestionMarking.ForBulkRows(
                newPeople.Select(r => (r.PersonId, unitOf[r.PersonId])), peopleInUnit,
                newCollectives.Select(r => r.OrganizationId), clock.GetUtcNow().UtcDateTime);
            db.AuditEntries.Add(ImportErrors.Summary(user, clock, "RatingImport", fileName, $"{{\"rows\":{lines.Count},\"created\":{created},\"updated\":{updated},\"unchanged\":{unchanged}}}"));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                using (audit.Summarise<PersonRating>(db))
                using (audit.Summarise<CollectiveRating>(db))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                // New ratings go in at the database's raw rate, in the same transaction (issue 14).
                await BulkInsert.RunAsync(db, "person_ratings", PersonColumns, newPeople, cancellationToken);
                await BulkInsert.RunAsync(db, "collective_ratings", CollectiveColumns, newCollectives, cancellationToken);
                await BulkInsert.RunAsync(db, "suggestion_marks", MarkColumns, marks, cancellationToken);
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
                // The bulk rows bypassed EF: the caches that count ratings are told here, and on the other instances.
                broadcast.ClearEverywhere(caches.Where(c => c.Concerns(typeof(PersonRating)) || c.Concerns(typeof(CollectiveRating))));
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

    /// <summary>
    /// Saves a bulk write in one transaction with its audit summary, the rows of <typeparamref name="T"/> audited as that
    /// summary; <paramref name="afterFirstSave"/> runs once the new rows have ids (an organisation's path) and is saved too.
    /// A row changed or a code added meanwhile by someone else rolls it all back: <see cref="Conflict"/>, nothing saved.
    /// </summary>
    public static async Task<DomainError?> SaveSummarisedAsync<T>(AppDbContext db, AuditInterceptor audit, AuditEntry summary, CancellationToken cancellationToken, Action? afterFirstSave = null)
        where T : class
    {
        db.AuditEntries.Add(summary);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            using (audit.Summarise<T>(db))
            {
                await db.SaveChangesAsync(cancellationToken);
                if (afterFirstSave is not null)
                {
                    afterFirstSave();
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

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
