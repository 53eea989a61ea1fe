using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Organizations;

/// <summary>
/// Registry sync of the organisation tree (issue 17 point 5, ADR 030), keyed by the organisation's code; the
/// administrator's. A row creates an organisation (its parent already there or earlier in the push), updates its name,
/// type of host unit or address, leaves it unchanged, or is refused with its reasons while the other rows land. A move
/// to another parent or a change of kind is refused: it re-paths a subtree and belongs on the organisation's page. Nothing
/// is closed or deleted: in a full push the active organisations the push leaves out are reported.
/// </summary>
public static class SyncOrganizations
{
    public const int MaxRows = 100_000;

    public sealed record Row(string? Code, string? Name, OrganizationKind Kind, HostUnitType? HostUnitType, string? ParentCode, string? Address);

    public sealed record Command(bool Full, IReadOnlyList<Row>? Organizations);

    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<Common.RegistrySync.Refusal> Refusals, int Missing, IReadOnlyList<string> MissingCodes);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, AuditInterceptor audit)
    {
        public async Task<Result<Report>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ quản trị hệ thống đồng bộ cây tổ chức.");
            }

            if (command.Organizations is not { Count: > 0 } rows || rows.Count > MaxRows)
            {
                return DomainError.Invalid("Organizations", $"Hãy gửi từ 1 đến {MaxRows} tổ chức trong một lần đồng bộ.");
            }

            var known = await db.Organizations.ToDictionaryAsync(o => o.Code, cancellationToken);
            var created = new List<Organization>();
            var refusals = new List<Common.RegistrySync.Refusal>();
            var seen = new Dictionary<string, int>();
            int updated = 0, unchanged = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var code = (row?.Code ?? string.Empty).Trim().ToUpperInvariant();
                if (row is null)
                {
                    refusals.Add(new Common.RegistrySync.Refusal(i, null, ["Dòng trống."]));
                    continue;
                }

                var reasons = new List<string>();
                var parentCode = string.IsNullOrWhiteSpace(row.ParentCode) ? null : row.ParentCode.Trim().ToUpperInvariant();
                Organization? parent = null;
                if (parentCode is not null && !known.TryGetValue(parentCode, out parent))
                {
                    reasons.Add($"Không có tổ chức cấp trên mã {parentCode} (tổ chức cấp trên phải có sẵn hoặc đứng trước trong lần gửi).");
                }

                if (code.Length > 0 && !seen.TryAdd(code, i))
                {
                    reasons.Add($"Mã tổ chức {code} trùng với dòng {seen[code]}.");
                }

                var draft = new OrganizationDraft(code, row.Name?.Trim() ?? string.Empty, row.Kind, row.HostUnitType, parentCode, string.IsNullOrWhiteSpace(row.Address) ? null : row.Address.Trim());
                if (reasons.Count == 0 && known.TryGetValue(code, out var current))
                {
                    if (current.ParentId != parent?.Id || current.Kind != row.Kind)
                    {
                        reasons.Add($"Tổ chức {code} đang thuộc loại, cấp trên khác: đổi loại hoặc chuyển cấp trên làm trên trang Tổ chức.");
                    }
                    else if (current.Name == draft.Name && current.HostUnitType == draft.HostUnitType && current.Address == draft.Address)
                    {
                        unchanged++;
                        continue;
                    }
                    else
                    {
                        reasons.AddRange(current.Update(draft, parent).Select(e => e.Message));
                        if (reasons.Count == 0)
                        {
                            updated++;
                            continue;
                        }
                    }
                }
                else if (reasons.Count == 0)
                {
                    var made = Organization.Create(draft, parent);
                    if (made.IsSuccess)
                    {
                        db.Organizations.Add(made.Value);
                        known[code] = made.Value;
                        created.Add(made.Value);
                        continue;
                    }

                    reasons.AddRange(made.Errors.Select(e => e.Message));
                }

                refusals.Add(new Common.RegistrySync.Refusal(i, code.Length == 0 ? null : code, reasons));
            }

            var missing = new Common.RegistrySync.Missing();
            if (command.Full)
            {
                foreach (var organization in known.Values.Where(o => o.IsActive && o.Id != 0 && !seen.ContainsKey(o.Code)).OrderBy(o => o.Code, StringComparer.Ordinal))
                {
                    missing.Add(organization.Code);
                }
            }

            var summary = People.ImportErrors.Summary(user, clock, "OrganizationSync", "api",
                Common.RegistrySync.Counts(rows.Count, created.Count, updated, unchanged, refusals.Count, missing.Count));
            // The new organisations' paths once they have ids, parents first: a parent made in this push stands before its children.
            if (await People.ImportErrors.SaveSummarisedAsync<Organization>(db, audit, summary, cancellationToken, () => created.ForEach(o => o.AssignPath())) is { } conflict)
            {
                return conflict;
            }

            return new Report(rows.Count, created.Count, updated, unchanged, refusals.Count, refusals.Take(Common.RegistrySync.MaxListedRefusals).ToList(), missing.Count, missing.Listed);
        }
    }
}
