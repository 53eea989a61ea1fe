using System.Xml.Linq;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Showcase;

public static class ShowcaseApi
{
    public sealed record ListQuery(string? Search, string? Category, int? Year, int? OrganizationId, NomineeKind? Kind, int? Page, int? PageSize);

    /// <summary>The story's version as read (or If-Match).</summary>
    public sealed record ApproveBody(Guid? Version);

    /// <summary>Why the story comes off the public pages (kept in its history), and its version as read (or If-Match).</summary>
    public sealed record UnpublishBody(string? Reason, Guid? Version);

    public static RouteGroupBuilder MapShowcaseApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exemplars").WithTags("Showcase").AllowAnonymous();
        group.MapGet("/", async ([AsParameters] ListQuery q, ListExemplars.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(new ListExemplars.Query(q.Search, q.Category, q.Year, q.OrganizationId, q.Kind, q.Page ?? 1, q.PageSize ?? 20), ct)))
            .WithSummary("Gương điển hình tiêu biểu đã được khen thưởng (công khai, không cần đăng nhập)");
        group.MapGet("/{id:int}", async (int id, ListExemplars.Handler handler, CancellationToken ct) =>
            await handler.Items().SingleOrDefaultAsync(i => i.Id == id, ct) is { } item ? Results.Ok(item) : Problems.NotFound())
            .WithSummary("Một gương điển hình");

        // The secretariat's editing of the showcase (the page Showcase/Manage): the handlers refuse any other role.
        var stories = api.MapGroup("/stories").WithTags("Showcase");
        stories.MapGet("/", async (ManageStories.Handler handler, CancellationToken ct) =>
            await handler.Handle(ct) is { } rows ? Results.Ok(rows) : Problems.ToProblem([new Domain.Common.DomainError(Domain.Common.ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận biên tập trang gương điển hình.")]))
            .WithSummary("Các gương đã được khen thưởng với bài giới thiệu (bản nháp, bản đã duyệt, lịch sử, phiên bản) để biên tập (Ban Tuyên giáo – Dân vận)");
        stories.MapPost("/", async (SaveStory.Command command, HttpContext http, SaveStory.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command with { Version = Common.Versions.Pick(command.Version, http) }, null, ct);
            return result.IsSuccess ? Results.Ok(new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Viết hoặc sửa bài giới thiệu một gương đã được khen thưởng (theo hồ sơ); chỉ lưu bản nháp, trừ khi approve = true; sửa bài đã có thì gửi phiên bản đã đọc (Ban Tuyên giáo – Dân vận)");
        stories.MapPost("/photo", async ([FromForm] int? nominationId, [FromForm] string? title, [FromForm] string? storyHtml, [FromForm] bool? approve, [FromForm] Guid? version,
            IFormFile? photo, HttpContext http, SaveStory.Handler handler, CancellationToken ct) =>
        {
            (string, byte[])? upload = null;
            if (photo is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await photo.CopyToAsync(buffer, ct);
                upload = (photo.FileName, buffer.ToArray());
            }

            var result = await handler.Handle(new SaveStory.Command(nominationId ?? 0, title, storyHtml, approve ?? false, Common.Versions.Pick(version, http)), upload, ct);
            return result.IsSuccess ? Results.Ok(new { id = result.Value }) : Problems.ToProblem(result.Errors);
        })
        .DisableAntiforgery() // bearer tokens only on /api: no cookie to forge
        .WithMetadata(new RequestSizeLimitAttribute(FileRules.MaxFileBytes + (1024 * 1024)))
        .WithSummary("Viết hoặc sửa bài giới thiệu kèm ảnh (multipart: nominationId, title, storyHtml, approve, version, photo JPEG/PNG) (Ban Tuyên giáo – Dân vận)");
        stories.MapPost("/{id:int}/approve", async (int id, ApproveBody? body, HttpContext http, ApproveStory.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(body?.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Duyệt bản nháp của bài: từ nay trang công khai hiện đúng bản này; phiên bản bài đã đọc (Ban Tuyên giáo – Dân vận)");
        stories.MapPost("/{id:int}/unpublish", async (int id, UnpublishBody body, HttpContext http, UnpublishStory.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, Common.Versions.Pick(body.Version, http), body.Reason, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Gỡ bài khỏi trang công khai, kèm lý do ghi vào lịch sử; phiên bản bài đã đọc (Ban Tuyên giáo – Dân vận)");
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
