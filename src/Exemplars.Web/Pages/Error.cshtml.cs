using Exemplars.Web.Infrastructure.Http;
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
        _ => StatusMessages.Title(Status),
    };

    public string Explanation => Status switch
    {
        404 => "Địa chỉ này không có trong hệ thống, hoặc dữ liệu đã bị xóa, hoặc đồng chí không được xem dữ liệu này. Hãy kiểm tra lại đường dẫn hoặc chọn trang cần mở trên thanh điều hướng.",
        403 => "Tài khoản của đồng chí không có quyền mở trang này. Nếu cần, hãy liên hệ quản trị viên.",
        400 => "Yêu cầu không đọc được, hoặc biểu mẫu đã hết hạn (mở quá lâu hoặc đã đăng nhập lại ở thẻ khác). Hãy tải lại trang rồi thử lại.",
        _ => StatusMessages.Detail(Status),
    };

    // The code comes from the route values, not from binding: a re-executed POST whose body could not be read fails
    // every value provider, the route's included, and would show every such answer as 500.
    public IActionResult OnGet() => Show(Code);

    public IActionResult OnPost() => Show(Code);

    private int? Code => int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private PageResult Show(int? code)
    {
        // A body past the size limit (or otherwise unreadable) fails while it is read: its status (413…), not 500.
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        Status = failure is BadHttpRequestException bad ? bad.StatusCode : failure is not null ? 500 : code is >= 400 and <= 599 ? code.Value : 500;

        // A form past the page's size limit fails its antiforgery check (the token cannot be read): say what it was.
        if (Status == 400 && Request.ContentLength > HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            Status = 413;
        }
        Response.StatusCode = Status;
        return Page();
    }
}
