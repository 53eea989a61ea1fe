using System.Xml.Linq;
using Exemplars.Domain.Eligibility;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

public static class ShowcaseApi
{
    public sealed record ListQuery(string? Search, string? Category, int? Year, int? OrganizationId, NomineeKind? Kind, int? Page, int? PageSize);

    public static RouteGroupBuilder MapShowcaseApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exemplars").WithTags("Showcase").AllowAnonymous();
        group.MapGet("/", async ([AsParameters] ListQuery q, ListExemplars.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(new ListExemplars.Query(q.Search, q.Category, q.Year, q.OrganizationId, q.Kind, q.Page ?? 1, q.PageSize ?? 20), ct)))
            .WithSummary("Gương điển hình tiêu biểu đã được khen thưởng (công khai, không cần đăng nhập)");
        group.MapGet("/{id:int}", async (int id, ListExemplars.Handler handler, CancellationToken ct) =>
            await handler.Items().SingleOrDefaultAsync(i => i.Id == id, ct) is { } item ? Results.Ok(item) : Problems.NotFound())
            .WithSummary("Một gương điển hình");
        return api;
    }

    /// <summary>The Atom feed and the photos sit outside /api: public resources for readers and pages.</summary>
    public static IEndpointRouteBuilder MapShowcaseFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/showcase/feed.atom", async (HttpContext http, ListExemplars.Handler handler, Issuers.CurrentNames.Handler names, PublicUrl publicUrl, CancellationToken ct) =>
        {
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var items = await handler.Items().OrderByDescending(i => i.PublishedAtUtc).Take(50).ToListAsync(ct);
            var root = publicUrl.For(http);
            var feed = new XElement(atom + "feed",
                new XElement(atom + "title", "Gương điển hình tiêu biểu – " + (await names.GetAsync(ct)).PartyName),
                new XElement(atom + "id", root + "/Showcase"),
                new XElement(atom + "updated", (items.Count > 0 ? items[0].PublishedAtUtc : DateTime.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
                new XElement(atom + "link", new XAttribute("href", root + "/Showcase")),
                new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", root + "/showcase/feed.atom")),
                items.Select(i => new XElement(atom + "entry",
                    new XElement(atom + "title", $"{i.Name}: {i.Title}"),
                    new XElement(atom + "id", $"{root}/Showcase/Details/{i.Id}"),
                    new XElement(atom + "link", new XAttribute("href", $"{root}/Showcase/Details/{i.Id}")),
                    new XElement(atom + "updated", i.PublishedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
                    new XElement(atom + "author", new XElement(atom + "name", i.Unit)),
                    new XElement(atom + "summary", $"{i.Award} ({i.Year}) – {i.Unit}"),
                    new XElement(atom + "content", new XAttribute("type", "html"), i.StoryHtml))));
            return Results.Text(new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString(), "application/atom+xml; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/showcase/photo/{id:int}", async (int id, AppDbContext db, IFileStore storage, CancellationToken ct) =>
        {
            var photo = await db.ExemplarStories.Where(s => s.Id == id && s.Approved && s.PublishedPhotoId != null)
                .Join(db.ShowcasePhotos, s => s.PublishedPhotoId, f => f.Id, (s, f) => new { f.StoragePath, f.ContentType })
                .SingleOrDefaultAsync(ct);
            return photo is null ? Results.NotFound() : Results.File(storage.Open(photo.StoragePath), photo.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
