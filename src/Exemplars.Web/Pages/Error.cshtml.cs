using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages;

/// <summary>
/// The Vietnamese error page, inside the layout. Status-code pages re-execute it for an empty 4xx/5xx answer to a page
/// (an unknown address, a missing record) and the exception handler for a failure; the original status code is kept.
/// Any method may land here (a POST that failed), so it checks no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Title => Status switch
    {
        404 => "Không tìm thấy trang",
        403 => "Không có quyền truy cập",
        >= 500 => "Đã xảy ra lỗi",
        _ => AppAuth.StatusTitle(Status),
    };

    public string Explanation => Status switch
    {
        404 => "Địa chỉ này không có trong hệ thống, hoặc dữ liệu đã bị xóa, hoặc đồng chí không được xem dữ liệu này. Hãy kiểm tra lại đường dẫn hoặc chọn trang cần mở trên thanh điều hướng.",
        403 => "Tài khoản của đồng chí không có quyền mở trang này. Nếu cần, hãy liên hệ quản trị viên.",
        >= 500 => "Hệ thống gặp lỗi khi xử lý yêu cầu. Dữ liệu chưa được lưu. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị viên.",
        _ => "Yêu cầu không thực hiện được. Hãy kiểm tra lại rồi thử lại.",
    };

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Status = failed ? 500 : code is >= 400 and <= 599 ? code.Value : 500;
        Response.StatusCode = Status;
        return Page();
    }
}
