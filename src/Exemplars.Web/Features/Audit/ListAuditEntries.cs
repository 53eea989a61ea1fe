using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Audit;

/// <summary>The audit log, newest first, filtered by user, organisation, entity and date range (admin only).</summary>
public static class ListAuditEntries
{
    public sealed record Query(string? User = null, int? OrganizationId = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = PageRequest.DefaultSize, string? Sort = null, bool Descending = false);

    /// <summary>The columns the log can be sorted by (time, who, what data, which action); the newest entry first by default.</summary>
    public static readonly string[] SortKeys = ["thoi-diem", "nguoi", "du-lieu", "thao-tac"];

    public sealed record Row(long Id, DateTime AtUtc, string? UserName, int? OrganizationId, string EntityType, string EntityId, string Action, string Changes)
    {
        /// <summary>The kind of data, in Vietnamese.</summary>
        public string Entity => AuditLabels.Entity(EntityType);

        public string? OrganizationName { get; init; }

        /// <summary>The record's number for the reader; none for an account's internal identifier.</summary>
        public string? RecordNumber => Guid.TryParse(EntityId, out _) ? null : EntityId;

        public string ActionLabel => AuditChanges.ActionLabel(Action);

        /// <summary>Each changed field by its Vietnamese name, before → after.</summary>
        public IReadOnlyList<AuditChanges.Change> Fields => AuditChanges.Read(Changes);
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Paged<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = db.AuditEntries.AsQueryable();
            if (!string.IsNullOrWhiteSpace(query.User))
            {
                var user = query.User.Trim();
                entries = entries.Where(a => a.UserName == user || a.UserId == user);
            }

            if (query.OrganizationId is { } organizationId)
            {
                entries = entries.Where(a => a.OrganizationId == organizationId);
            }

            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                entries = entries.Where(a => a.EntityType == query.EntityType);
            }

            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                entries = entries.Where(a => a.EntityId == query.EntityId);
            }

            // Dates are days in Viet Nam (UTC+7, no daylight saving).
            if (query.From is { } from)
            {
                var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
                entries = entries.Where(a => a.AtUtc >= start);
            }

            if (query.To is { } to)
            {
                var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
                entries = entries.Where(a => a.AtUtc < end);
            }

            entries = (query.Sort, query.Descending) switch
            {
                ("thoi-diem", false) => entries.OrderBy(a => a.Id),
                ("nguoi", false) => entries.OrderBy(a => a.UserName).ThenByDescending(a => a.Id),
                ("nguoi", true) => entries.OrderByDescending(a => a.UserName).ThenByDescending(a => a.Id),
                ("du-lieu", false) => entries.OrderBy(a => a.EntityType).ThenByDescending(a => a.Id),
                ("du-lieu", true) => entries.OrderByDescending(a => a.EntityType).ThenByDescending(a => a.Id),
                ("thao-tac", false) => entries.OrderBy(a => a.Action).ThenByDescending(a => a.Id),
                ("thao-tac", true) => entries.OrderByDescending(a => a.Action).ThenByDescending(a => a.Id),
                _ => entries.OrderByDescending(a => a.Id),
            };
            var page = await entries
                .Select(a => new Row(a.Id, a.AtUtc, a.UserName, a.OrganizationId, a.EntityType, a.EntityId, a.Action, a.Changes))
                .ToPagedAsync(new PageRequest(query.Page, query.PageSize), cancellationToken);
            var ids = page.Items.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
            var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            return page with { Items = page.Items.Select(r => r with { OrganizationName = r.OrganizationId is { } id ? names.GetValueOrDefault(id) : null }).ToList() };
        }
    }
}
