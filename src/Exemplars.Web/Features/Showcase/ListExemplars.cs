using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

/// <summary>The public showcase: the last approved copy of each published story of commended exemplars, filtered and searched without diacritics.</summary>
public static class ListExemplars
{
    public sealed record Query(string? Search = null, string? Category = null, int? Year = null, int? OrganizationId = null, NomineeKind? Kind = null, int Page = 1, int PageSize = 20, string? Sort = null);

    /// <summary>The orders offered besides the default (newest published first): oldest first, by name, by year of the award.</summary>
    public static readonly string[] SortKeys = ["cu", "ten", "nam"];

    /// <summary>A member-initialised shape (not a positional record) so that filters can still compose after the projection.</summary>
    public sealed class Item
    {
        public int Id { get; init; }

        public string Title { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public NomineeKind Kind { get; init; }

        public string Unit { get; init; } = string.Empty;

        public int UnitId { get; init; }

        public string Category { get; init; } = string.Empty;

        public int Year { get; init; }

        public string Award { get; init; } = string.Empty;

        public bool HasPhoto { get; init; }

        public DateTime PublishedAtUtc { get; init; }

        public string StoryHtml { get; init; } = string.Empty;
    }

    public sealed class Handler(AppDbContext db)
    {
        public IQueryable<Item> Items() =>
            from s in db.ExemplarStories
            where s.Approved
            join n in db.Nominations on s.NominationId equals n.Id
            join o in db.Organizations on n.OrganizationId equals o.Id
            select new Item
            {
                Id = s.Id, Title = s.PublishedTitle!, Name = n.NomineeName, Kind = n.Kind, Unit = o.Name, UnitId = o.Id, Category = n.CategoryCode,
                Year = db.Awards.Where(a => a.NominationId == n.Id).Join(db.Decisions, a => a.DecisionId, d => d.Id, (a, d) => d.Year).Max(),
                Award = db.Awards.Where(a => a.NominationId == n.Id).OrderByDescending(a => a.Id).Select(a => a.AwardType).First(),
                HasPhoto = s.PublishedPhotoId != null, PublishedAtUtc = s.PublishedAtUtc!.Value, StoryHtml = s.PublishedHtml!,
            };

        public Task<Paged<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var stories = db.ExemplarStories.Where(s => s.Approved);
            var search = VietnameseText.Fold(query.Search);
            var ids = search.Length > 0 ? stories.Where(s => s.SearchText.Contains(search)).Select(s => s.Id) : stories.Select(s => s.Id);
            var items = Items().Where(i => ids.Contains(i.Id));
            if (!string.IsNullOrWhiteSpace(query.Category))
            {
                items = items.Where(i => i.Category == query.Category);
            }

            if (query.Year is { } year)
            {
                items = items.Where(i => i.Year == year);
            }

            if (query.OrganizationId is { } unit)
            {
                items = items.Where(i => i.UnitId == unit);
            }

            if (query.Kind is { } kind)
            {
                items = items.Where(i => i.Kind == kind);
            }

            items = query.Sort switch
            {
                "cu" => items.OrderBy(i => i.PublishedAtUtc).ThenBy(i => i.Id),
                "ten" => items.OrderBy(i => i.Name).ThenBy(i => i.Id),
                "nam" => items.OrderByDescending(i => i.Year).ThenBy(i => i.Name).ThenBy(i => i.Id),
                _ => items.OrderByDescending(i => i.PublishedAtUtc).ThenBy(i => i.Id),
            };
            return items.ToPagedAsync(new PageRequest(query.Page, Math.Clamp(query.PageSize, 1, 100)), cancellationToken);
        }
    }
}
