using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Users;

/// <summary>
/// The accounts pages' actions on the API (issue 17): create, deactivate or reactivate, import (XLSX and JSON), and the
/// security settings. Administrator only, as the /Users pages are (folder policy in Program.cs).
/// </summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AppAuth.AdminPolicy);

        group.MapPost("/", async (CreateUser.Command command, CreateUser.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command with
            {
                Email = command.Email ?? string.Empty, FullName = command.FullName ?? string.Empty, Role = command.Role ?? string.Empty, OrganizationCode = command.OrganizationCode ?? string.Empty,
            }, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/users/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Tạo tài khoản (quản trị, như trang tạo tài khoản): gắn với một tổ chức và một vai trò (mã vai trò, ví dụ GrassrootsClerk), mật khẩu ban đầu theo quy định mật khẩu");

        group.MapPost("/{id}/active", async (string id, ActiveBody body, SetUserActive.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.Active, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Ngừng kích hoạt (active: false) hoặc kích hoạt lại một tài khoản (quản trị, như trang danh sách tài khoản); ngừng kích hoạt thì mọi phiên và mã truy cập của tài khoản hết hiệu lực; "
            + "không tự ngừng kích hoạt tài khoản của chính mình");

        group.MapPost("/import", (IFormFile? file, ImportUsers.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.WorkbookAsync(file, (content, _) => handler.Handle(content, ct), r => r.Errors.Count == 0, r => r.Errors.Count, http, ct))
        .AcceptsWorkbook()
        .WithSummary("Tạo nhiều tài khoản từ tệp Excel (quản trị, multipart: file) theo mẫu của trang nhập; ô mật khẩu trống thì hệ thống tạo mật khẩu, trả về một lần trong báo cáo; "
            + "có dòng sai thì không tạo tài khoản nào: 422 (problem details, errors: dòng và lỗi). Gửi dữ liệu dạng JSON: POST /api/v1/users/import/json");

        group.MapPost("/import/json", async (ImportUsers.Command command, ImportUsers.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.Answer(await handler.Handle(command.Rows, ct), r => r.Errors.Count == 0, r => r.Errors.Count, http))
        .WithSummary("Tạo nhiều tài khoản từ các dòng JSON (quản trị, rows), cùng cột và cùng kiểm tra như tệp Excel của POST /api/v1/users/import; password trống thì hệ thống tạo mật khẩu; "
            + "có dòng sai thì không tạo tài khoản nào: 422 (problem details, errors: số thứ tự dòng trong rows, từ 1, và lỗi)");

        group.MapGet("/security", async (SaveSecuritySettings.Handler handler, CancellationToken ct) => Problems.Ok(await handler.Read(ct)))
            .WithSummary("Thiết lập bảo mật (quản trị): có bắt buộc quản trị viên và Ban Tuyên giáo – Dân vận đăng nhập hai bước không; số người thuộc diện đó chưa bật");

        group.MapPut("/security", async (SecurityBody body, SaveSecuritySettings.Handler handler, CancellationToken ct) =>
        {
            var saved = await handler.Save(body.RequireTwoFactorForStaff, ct);
            return saved.IsSuccess ? Problems.Ok(await handler.Read(ct)) : Problems.ToProblem(saved.Errors);
        }).WithSummary("Đổi thiết lập bảo mật (quản trị, như trang bảo mật): bật hoặc bỏ yêu cầu quản trị viên và Ban Tuyên giáo – Dân vận đăng nhập hai bước; "
            + "người chưa bật sẽ được dẫn tới trang bật ở lần thao tác tiếp theo trên trang web");

        return api;
    }

    /// <summary>Active or not.</summary>
    public sealed record ActiveBody(bool Active);

    /// <summary>Whether administrators and the secretariat must sign in in two steps (ADR 025).</summary>
    public sealed record SecurityBody(bool RequireTwoFactorForStaff);
}
