using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.People;
using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// Imports organisations from XLSX: every row is checked first; if any row is wrong, nothing is saved and the
/// report lists each error by row. Rows whose code exists update that organisation; parents may be earlier or later rows.
/// A row that changes an organisation carries its version from the export (<see cref="Common.ImportVersions"/>, ADR 012);
/// an organisation of the file edited, or a code added, by someone else between the reading and the saving makes the
/// whole import a 409 <c>concurrent_edit</c> with nothing saved.
/// </summary>
public static class ImportOrganizations
{
    public const int MaxRows = 5000;

    public sealed record RowError(int Row, string Message);

    public sealed record Report(int Rows, int Created, int Updated, IReadOnlyList<RowError> Errors)
    {
        public bool Applied => Errors.Count == 0;
    }

    private static readonly string[] JsonHeaders = [.. OrganizationSheet.ImportHeaders, Common.ImportVersions.Header];

    /// <summary>
    /// One organisation as the API's JSON import sends it: the template's columns, typed; <see cref="Version"/> is the
    /// organisation's version as read (needed when the row changes an organisation already in the system).
    /// </summary>
    public sealed record Row(string? Code, string? Name, OrganizationKind? Kind, HostUnitType? HostUnitType, string? ParentCode, string? Address, Guid? Version)
    {
        internal string[] Cells() =>
            [Code ?? string.Empty, Name ?? string.Empty, Kind?.ToString() ?? string.Empty, HostUnitType?.ToString() ?? string.Empty, ParentCode ?? string.Empty, Address ?? string.Empty, JsonRows.Text(Version)];
    }

    public sealed record Command(IReadOnlyList<Row>? Rows);

    private sealed record Line(int Row, OrganizationDraft Draft, string Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Report>> Handle(Stream xlsx, CancellationToken cancellationToken, IProgress<ImportProgress>? progress = null)
        {
            var read = Spreadsheet.Read(xlsx, MaxRows);
            if (!read.IsSuccess)
            {
                return Result<Report>.Failure(read.Errors);
            }

            return await Handle(read.Value, cancellationToken, progress);
        }

        /// <summary>The API's JSON rows (issue 17): written as the template's cells, then imported as a file's rows are.</summary>
        public Task<Result<Report>> Handle(IReadOnlyList<Row>? rows, CancellationToken cancellationToken) =>
            JsonRows.Count(rows, MaxRows) is { } refused
                ? Task.FromResult<Result<Report>>(refused)
                : Handle(SheetTable.Of(JsonHeaders, rows!.Select((r, i) => (i + 1, r?.Cells() ?? JsonRows.Blank(JsonHeaders.Length)))).AsSheetRows(), cancellationToken);

        /// <summary>Rows read from a workbook or made from JSON: checked all, then saved all or none.</summary>
        public async Task<Result<Report>> Handle(IReadOnlyList<SheetRow> rows, CancellationToken cancellationToken, IProgress<ImportProgress>? progress = null)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var errors = new List<RowError>();
            var lines = Parse(rows, errors);
            if (errors.Count > 0)
            {
                return new Report(rows.Count, 0, 0, errors);
            }

            var existing = await db.Organizations.Include(o => o.Parent).ToDictionaryAsync(o => o.Code, cancellationToken);
            var ordered = Order(lines, errors);
            var fileOrganizations = new Dictionary<string, Organization>();
            var created = 0;
            var updated = 0;
            foreach (var line in ordered)
            {
                var parentCode = line.Draft.ParentCode;
                Organization? parent = null;
                if (parentCode is not null && !fileOrganizations.TryGetValue(parentCode, out parent) && !existing.TryGetValue(parentCode, out parent))
                {
                    errors.Add(new RowError(line.Row, $"Không có tổ chức cấp trên mã {parentCode} (trong hệ thống hoặc trong tệp)."));
                    continue;
                }

                if (existing.TryGetValue(line.Draft.Code, out var current))
                {
                    if (current.ParentId != parent?.Id)
                    {
                        errors.Add(new RowError(line.Row, $"Tổ chức {current.Code} đã có; không đổi tổ chức cấp trên qua nhập tệp, hãy sửa trực tiếp trên trang tổ chức."));
                        continue;
                    }

                    if (Unchanged(current, line.Draft))
                    {
                        // Nothing changes: the row is not a write. It needs no version, is not checked against today's
                        // rules (an export of the whole list goes back in even where a parent has since closed), and
                        // leaves the organisation's version alone.
                        continue;
                    }

                    var version = current.Version;
                    var refused = current.Update(line.Draft, parent).Select(e => new RowError(line.Row, e.Message)).ToList();
                    errors.AddRange(refused);
                    fileOrganizations[line.Draft.Code] = current;
                    if (refused.Count == 0 && Common.ImportVersions.Refusal(line.Version, version, $"Tổ chức mã {current.Code}") is { } refusal)
                    {
                        errors.Add(new RowError(line.Row, refusal));
                    }
                    else if (refused.Count == 0)
                    {
                        updated++;
                    }
                }
                else
                {
                    var result = Organization.Create(line.Draft, parent);
                    if (result.IsSuccess)
                    {
                        fileOrganizations[line.Draft.Code] = result.Value;
                        created++;
                    }
                    else
                    {
                        errors.AddRange(result.Errors.Select(e => new RowError(line.Row, e.Message)));
                    }
                }
            }

            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new Report(rows.Count, 0, 0, errors.OrderBy(e => e.Row).ToList());
            }

            progress?.Report(new ImportProgress("Đang lưu", 0, fileOrganizations.Count));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var organization in fileOrganizations.Values.Where(o => o.Id == 0))
            {
                db.Organizations.Add(organization);
            }

            // A parent outside the file gives its path to the new rows under it: it gets a new version, so a move of
            // that parent saved meanwhile fails this import (and a move racing it fails as stale) instead of leaving a
            // child with the old path. An updated row keeps its parent and its path, so its parent is left alone.
            foreach (var parent in fileOrganizations.Values.Where(o => o.Id == 0).Select(o => o.Parent).OfType<Organization>().Where(p => p.Id != 0 && !fileOrganizations.ContainsKey(p.Code)).Distinct())
            {
                db.Entry(parent).Property(p => p.Version).CurrentValue = Guid.NewGuid();
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                foreach (var organization in fileOrganizations.Values.OrderBy(Depth))
                {
                    organization.AssignPath();
                }

                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // An organisation edited since it was read (its version changed) or a code added meanwhile by another
                // import or form: the transaction rolls back whole; the admin imports again against the current list.
                db.ChangeTracker.Clear();
                return ImportErrors.Conflict;
            }

            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress("Đã xong", fileOrganizations.Count, fileOrganizations.Count));
            return new Report(rows.Count, created, updated, []);
        }

        /// <summary>True when the row says what the organisation already is (same parent checked by the caller).</summary>
        private static bool Unchanged(Organization current, OrganizationDraft draft) =>
            current.Name == draft.Name.Trim()
            && current.Kind == draft.Kind
            && current.HostUnitType == draft.HostUnitType
            && current.Address == (string.IsNullOrWhiteSpace(draft.Address) ? null : draft.Address.Trim());

        private static int Depth(Organization organization)
        {
            var depth = 0;
            for (var o = organization.Parent; o is not null; o = o.Parent)
            {
                depth++;
            }

            return depth;
        }

        private static List<Line> Parse(IReadOnlyList<SheetRow> rows, List<RowError> errors)
        {
            var lines = new List<Line>();
            var seen = new Dictionary<string, int>();
            if (rows.Count == 0)
            {
                errors.Add(new RowError(1, "Tệp không có dòng dữ liệu nào."));
                return lines;
            }

            var missing = OrganizationSheet.ImportHeaders.Take(3).Where(h => !rows[0].Cells.ContainsKey(VietnameseText.Fold(h))).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new RowError(1, $"Thiếu cột: {string.Join(", ", missing)}. Hãy dùng tệp mẫu."));
                return lines;
            }

            foreach (var row in rows)
            {
                var code = row.Get(OrganizationSheet.Code).ToUpperInvariant();
                var kindText = row.Get(OrganizationSheet.Kind);
                var kind = OrganizationSheet.ParseKind(kindText);
                var hostText = row.Get(OrganizationSheet.HostUnitType);
                var host = hostText.Length == 0 ? null : OrganizationSheet.ParseHost(hostText);
                var rowOk = true;
                if (kind is null)
                {
                    errors.Add(new RowError(row.Number, $"Loại tổ chức \"{kindText}\" không hợp lệ."));
                    rowOk = false;
                }

                if (hostText.Length > 0 && host is null)
                {
                    errors.Add(new RowError(row.Number, $"Loại hình \"{hostText}\" không hợp lệ."));
                    rowOk = false;
                }

                if (code.Length > 0 && seen.TryGetValue(code, out var firstRow))
                {
                    errors.Add(new RowError(row.Number, $"Mã tổ chức {code} trùng với dòng {firstRow}."));
                    rowOk = false;
                }

                seen.TryAdd(code, row.Number);
                var parentCode = row.Get(OrganizationSheet.ParentCode).ToUpperInvariant();
                var draft = new OrganizationDraft(code, row.Get(OrganizationSheet.Name), kind ?? OrganizationKind.Grassroots, host,
                    parentCode.Length == 0 ? null : parentCode, row.Get(OrganizationSheet.Address));
                if (rowOk)
                {
                    // Shape checks that need no parent; parent checks follow once parents are resolved.
                    foreach (var error in OrganizationRules.Validate(draft, null).Where(e => e.Field != nameof(OrganizationDraft.ParentCode)))
                    {
                        errors.Add(new RowError(row.Number, error.Message));
                        rowOk = false;
                    }
                }

                if (rowOk)
                {
                    lines.Add(new Line(row.Number, draft, row.Get(Common.ImportVersions.Header)));
                }
            }

            return lines;
        }

        /// <summary>Parents before children, so that each row finds its parent already built; cycles are reported.</summary>
        private static List<Line> Order(List<Line> lines, List<RowError> errors)
        {
            var byCode = lines.ToDictionary(l => l.Draft.Code);
            var ordered = new List<Line>();
            var state = new Dictionary<string, int>();
            foreach (var line in lines)
            {
                Visit(line, []);
            }

            return ordered;

            void Visit(Line line, HashSet<string> stack)
            {
                if (state.GetValueOrDefault(line.Draft.Code) == 2)
                {
                    return;
                }

                if (!stack.Add(line.Draft.Code))
                {
                    errors.Add(new RowError(line.Row, $"Tổ chức {line.Draft.Code} nằm trong một vòng lặp cấp trên – cấp dưới."));
                    state[line.Draft.Code] = 2;
                    return;
                }

                if (line.Draft.ParentCode is { } parent && byCode.TryGetValue(parent, out var parentLine))
                {
                    Visit(parentLine, stack);
                }

                stack.Remove(line.Draft.Code);
                if (state.GetValueOrDefault(line.Draft.Code) != 2)
                {
                    state[line.Draft.Code] = 2;
                    ordered.Add(line);
                }
            }
        }
    }
}
