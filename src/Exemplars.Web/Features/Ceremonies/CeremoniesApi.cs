using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Excel;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>The commendation ceremonies of the rounds (ADR 027): the same handlers as the pages under /Ceremonies.</summary>
public static class CeremoniesApi
{
    public sealed record VersionBody(Guid? Version);

    public static RouteGroupBuilder MapCeremoniesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ceremonies").WithTags("Ceremonies");
        group.MapGet("/", async (string? search, int? page, ListCeremonies.Handler handler, CancellationToken ct) =>
            Respond(await handler.Handle(search, page ?? 1, ct), Results.Ok))
            .WithSummary("Các lễ tuyên dương (cán bộ cơ sở: chỉ lễ có người của đơn vị mình được mời)");
        group.MapGet("/draft", async (int decisionId, CreateCeremony.Handler handler, CancellationToken ct) =>
            Respond(await handler.Prefill(decisionId, ct), Results.Ok))
            .WithSummary("Lễ tuyên dương soạn sẵn cho một quyết định khen thưởng (ngày, dịp của đợt, chương trình)");
        group.MapGet("/{id:int}", async (int id, int? page, string? search, GetCeremony.Handler handler, CancellationToken ct) =>
            Respond(await handler.Handle(id, page ?? 1, search, ct), Results.Ok))
            .WithSummary("Một lễ tuyên dương: chương trình, danh sách mời (phân trang), thứ tự trao và in Giấy khen");
        group.MapPost("/", async (CreateCeremony.Command command, CreateCeremony.Handler handler, CancellationToken ct) =>
            Respond(await handler.Handle(command, ct), id => Results.Created($"/api/v1/ceremonies/{id}", new { id })))
            .WithSummary("Lập lễ tuyên dương của một quyết định khen thưởng; danh sách mời lập từ quyết định");
        group.MapPost("/{id:int}/guests/sync", async (int id, VersionBody? body, BuildInvitationList.Handler handler, HttpContext http, CancellationToken ct) =>
            Respond(await handler.Sync(id, Common.Versions.Pick(body?.Version, http), ct), count => Results.Ok(new { guests = count })))
            .WithSummary("Lập lại danh sách mời từ quyết định (giữ khách mời thêm tay và điểm danh của người còn trong danh sách)");
        group.MapPost("/{id:int}/guests", async (int id, AddGuest.Command command, AddGuest.Handler handler, CancellationToken ct) =>
            Respond(await handler.Handle(id, command, ct), guestId => Results.Created($"/api/v1/ceremonies/{id}", new { id = guestId })))
            .WithSummary("Thêm lãnh đạo cấp ủy chủ trì hoặc khách mời (kind: HostLeader, Guest)");
        group.MapDelete("/{id:int}/guests/{guestId:int}", async (int id, int guestId, Guid? version, RemoveGuest.Handler handler, HttpContext http, CancellationToken ct) =>
            Respond(await handler.Handle(id, guestId, Common.Versions.Pick(version, http), ct), _ => Results.NoContent()))
            .WithSummary("Bỏ một người khỏi danh sách mời (không bỏ được tập thể, cá nhân được khen thưởng); phiên bản trong If-Match hoặc ?version=");
        group.MapPatch("/{id:int}/attendance", async (int id, MarkAttendance.Command command, MarkAttendance.Handler handler, CancellationToken ct) =>
            Respond(await handler.Handle(id, command, ct), version => Results.Ok(new { version })))
            .WithSummary("Điểm danh: có mặt (true), vắng (false), chưa rõ (null) cho từng người được mời");
        group.MapPut("/{id:int}", async (int id, EditCeremony.Command command, EditCeremony.Handler handler, CancellationToken ct) =>
            Respond(await handler.Handle(id, command, ct), version => Results.Ok(new { version })))
            .WithSummary("Sửa tên, ngày, giờ, địa điểm, chương trình của buổi lễ đang chuẩn bị (chỗ ngồi được xếp lại)");
        group.MapPost("/{id:int}/held", async (int id, RecordCeremonyOutcome.HeldCommand command, RecordCeremonyOutcome.Handler handler, CancellationToken ct) =>
            Respond(await handler.Held(id, command, ct), version => Results.Ok(new { version })))
            .WithSummary("Ghi nhận buổi lễ đã tổ chức (danh sách mời không sửa được nữa)");
        group.MapPut("/{id:int}/story", async (int id, RecordCeremonyOutcome.StoryCommand command, RecordCeremonyOutcome.Handler handler, CancellationToken ct) =>
            Respond(await handler.Story(id, command, ct), version => Results.Ok(new { version })))
            .WithSummary("Bài viết về buổi lễ cho trang gương điển hình (publish: đăng công khai)");
        group.MapPost("/{id:int}/photos", async (int id, [FromForm] string? caption, [FromForm] Guid? version, IFormFile? file, RecordCeremonyOutcome.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            if (file is null)
            {
                return Problems.ToProblem([Domain.Common.DomainError.Invalid("file", "Thiếu tệp ảnh tải lên.")]);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return Respond(await handler.Photo(id, file.FileName, buffer.ToArray(), caption, Common.Versions.Pick(version, http), ct), photoId => Results.Created($"/api/v1/ceremonies/{id}", new { id = photoId }));
        })
        .DisableAntiforgery() // bearer tokens only on /api: no cookie to forge
        .WithMetadata(new RequestSizeLimitAttribute(FileRules.MaxFileBytes + (1024 * 1024)))
        .WithSummary("Thêm ảnh buổi lễ (multipart: file JPG/PNG, caption; phiên bản trong trường version hoặc If-Match)");
        group.MapGet("/{id:int}/invitations.docx", async (int id, int? guestId, InvitationsDocument.Handler handler, CancellationToken ct) =>
            Documents.DocumentsApi.File(await handler.Handle(id, guestId, ct)))
            .WithSummary("Giấy mời (DOCX theo thể thức văn bản của Đảng, mỗi người một trang; cán bộ cơ sở: chỉ người của đơn vị mình)");
        group.MapGet("/{id:int}/attendance.xlsx", async (int id, AttendanceWorkbook.Handler handler, CancellationToken ct) =>
            Documents.DocumentsApi.Xlsx(await handler.Handle(id, ct), $"diem-danh-{id}.xlsx"))
            .WithSummary("Danh sách đại biểu để điểm danh, ký tên (XLSX)");
        group.MapGet("/{id:int}/seating.xlsx", async (int id, SeatingWorkbook.Handler handler, CancellationToken ct) =>
            Documents.DocumentsApi.Xlsx(await handler.Handle(id, ct), $"so-do-cho-ngoi-{id}.xlsx"))
            .WithSummary("Sơ đồ chỗ ngồi theo hàng, ghế (XLSX)");
        return api;
    }

    private static IResult Respond<T>(Domain.Common.Result<T> result, Func<T, IResult> ok) =>
        result.IsSuccess ? ok(result.Value) : Problems.ToProblem(result.Errors);
}
