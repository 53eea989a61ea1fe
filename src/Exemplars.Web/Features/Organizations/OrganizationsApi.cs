using Exemplars.Web.Features.Common;
using Exemplars.Web.Features.People;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Organizations;

public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapPut("/sync", async (SyncOrganizations.Command command, SyncOrganizations.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct); // texts arrive cleaned of NUL (CleanStringJsonConverter)
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ cây tổ chức theo mã (quản trị): thêm, sửa tên, loại hình, địa chỉ, giữ nguyên, từ chối từng dòng; không đóng, không xóa "
            + "(full = true: báo các tổ chức đang hoạt động mà lần gửi không có)");

        group.MapPut("/ratings/sync", async (SyncCollectiveRatings.Command command, SyncCollectiveRatings.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ xếp loại tập thể hằng năm theo mã tổ chức, đối tượng xếp loại (body) và năm: thêm, sửa, giữ nguyên, từ chối từng dòng; không xóa "
            + "(full = true: báo các xếp loại trong phạm vi của những năm đã gửi mà lần gửi không có)");

        group.MapGet("/", async (
            [AsParameters] ListQuery query, ListOrganizations.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(
                new ListOrganizations.Query(query.Search, query.Kind, query.HostUnitType, query.IncludeInactive ?? false, query.Page ?? 1, query.PageSize ?? 50), ct)))
            .WithSummary("Tổ chức trong phạm vi của người gọi (phân trang)").CacheOutput(KeptResponses.Policy);

        group.MapGet("/{id:int}", async (int id, GetOrganization.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Một tổ chức và các tổ chức trực thuộc");

        group.MapGet("/{id:int}/ratings", async (int id, GetCollectiveRatings.Handler handler, CancellationToken ct) =>
            Results.Ok((await handler.Handle(id, ct)).Select(r => new CollectiveRatingRow(r.Year, r.Body, r.Rating, r.Version))))
            .WithSummary("Xếp loại hằng năm của tập thể (tổ chức đảng, các đoàn thể), kèm phiên bản của từng xếp loại; tổ chức ngoài phạm vi: danh sách trống");

        group.MapPost("/{id:int}/ratings", async (int id, CollectiveRatingBody body, SetRating.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.ForCollectiveYear(id, body.Year, body.Body, body.Rating, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi, sửa hoặc xóa (rating: null) xếp loại một năm của tổ chức đảng hoặc một đoàn thể của tập thể (như trang chi tiết tổ chức); "
            + "phiên bản xếp loại đó trong version hoặc If-Match khi năm đó đã có xếp loại");

        // The pages are the administrator's (Edit and Import carry the admin policy, Details checks the role for SetActive).
        group.MapPost("/", async (SaveOrganization.Command command, SaveOrganization.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Create(Filled(command), ct);
            return result.IsSuccess ? Results.Created($"/api/v1/organizations/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).RequireAuthorization(AppAuth.AdminPolicy)
        .WithSummary("Thêm một tổ chức (quản trị, như trang thêm tổ chức): mã chưa có, tổ chức cấp trên theo mã");

        group.MapPut("/{id:int}", async (int id, SaveOrganization.Command command, SaveOrganization.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Update(id, Filled(command) with { Version = Common.Versions.Pick(command.Version, http) }, ct);
            return result.IsSuccess ? Results.Ok(new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).RequireAuthorization(AppAuth.AdminPolicy)
        .WithSummary("Sửa một tổ chức (quản trị, như trang sửa tổ chức): gửi đủ các trường; phiên bản đã đọc trong version hoặc If-Match");

        group.MapPost("/{id:int}/active", async (int id, ActiveBody body, SetOrganizationActive.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Active, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).RequireAuthorization(AppAuth.AdminPolicy)
        .WithSummary("Cho tổ chức ngừng hoạt động (active: false) hoặc hoạt động trở lại (quản trị, như trang chi tiết tổ chức); không ngừng được khi còn tổ chức trực thuộc đang hoạt động; "
            + "phiên bản đã đọc trong version hoặc If-Match");

        group.MapPost("/import", (IFormFile? file, ImportOrganizations.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.WorkbookAsync(file, (content, _) => handler.Handle(content, ct), r => r.Applied, r => r.Errors.Count, http, ct))
        .RequireAuthorization(AppAuth.AdminPolicy)
        .AcceptsWorkbook()
        .WithSummary("Nhập tổ chức từ tệp Excel (quản trị, multipart: file) theo mẫu của trang nhập: mã đã có thì sửa (kèm cột “Phiên bản” khi dòng đổi thông tin), chưa có thì thêm; "
            + "có dòng sai thì không lưu gì: 422 (problem details, errors: dòng và lỗi). Gửi dữ liệu dạng JSON: POST /api/v1/organizations/import/json");

        group.MapPost("/import/json", async (ImportOrganizations.Command command, ImportOrganizations.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.Answer(await handler.Handle(command.Rows, ct), r => r.Applied, r => r.Errors.Count, http))
        .RequireAuthorization(AppAuth.AdminPolicy)
        .WithSummary("Nhập tổ chức từ các dòng JSON (quản trị, rows), cùng cột và cùng kiểm tra như tệp Excel của POST /api/v1/organizations/import; "
            + "có dòng sai thì không lưu gì: 422 (problem details, errors: số thứ tự dòng trong rows, từ 1, và lỗi)");

        return api;
    }

    /// <summary>The form's command: a missing code or name is an empty one, as an empty form field (texts arrive cleaned of NUL).</summary>
    private static SaveOrganization.Command Filled(SaveOrganization.Command command) => command with
    {
        Code = command.Code ?? string.Empty, Name = command.Name ?? string.Empty,
    };

    /// <summary>A collective's rating of one year and body, with its version (to send back when changing it).</summary>
    public sealed record CollectiveRatingRow(int Year, CollectiveBody Body, Rating Rating, Guid Version);

    /// <summary>One year's rating of a collective's party organisation or mass organisation: level (null clears it), the version of that rating as read.</summary>
    public sealed record CollectiveRatingBody(int Year, CollectiveBody Body, Rating? Rating, Guid? Version);

    /// <summary>Active or not, and the organisation's version as read.</summary>
    public sealed record ActiveBody(bool Active, Guid? Version);

    public sealed record ListQuery(string? Search, OrganizationKind? Kind, HostUnitType? HostUnitType, bool? IncludeInactive, int? Page, int? PageSize);
}
