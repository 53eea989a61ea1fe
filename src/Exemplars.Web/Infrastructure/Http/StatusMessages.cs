using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Excel;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// The Vietnamese title and explanation of an HTTP status that no handler explained itself (issue 15: every 4xx says
/// what went wrong): the framework's own answers — a body too large, unreadable JSON, a wrong content type or method —
/// on the error page for people and in problem details for API callers.
/// </summary>
public static class StatusMessages
{
    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa đăng nhập",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        406 => "Không có định dạng phù hợp",
        408 => "Quá thời gian gửi yêu cầu",
        409 => "Xung đột dữ liệu",
        411 => "Thiếu độ dài nội dung",
        412 => "Dữ liệu đã thay đổi",
        413 => "Tệp quá lớn",
        414 => "Địa chỉ quá dài",
        415 => "Kiểu nội dung không được hỗ trợ",
        422 => "Dữ liệu không hợp lệ",
        428 => "Thiếu phiên bản dữ liệu",
        429 => "Quá nhiều yêu cầu",
        431 => "Phần đầu yêu cầu quá lớn",
        >= 500 => "Đã xảy ra lỗi",
        _ => "Yêu cầu không thực hiện được",
    };

    public static string Detail(int status) => status switch
    {
        400 => "Nội dung gửi lên không đọc được: JSON sai cú pháp, sai kiểu dữ liệu, thiếu tham số bắt buộc hoặc mã chống giả mạo (antiforgery) không hợp lệ. Hãy kiểm tra lại rồi gửi lại.",
        401 => "Hãy đăng nhập (trang /Account/Login, hoặc POST /api/v1/auth/login rồi gửi 'Authorization: Bearer <accessToken>').",
        403 => "Tài khoản của đồng chí không có quyền thực hiện thao tác này hoặc xem dữ liệu này.",
        404 => "Địa chỉ này không có trong hệ thống, hoặc dữ liệu đã bị xóa, hoặc đồng chí không được xem dữ liệu này.",
        405 => "Địa chỉ này không nhận phương thức HTTP đã dùng; hãy xem tài liệu API (/api-docs).",
        406 => "Hệ thống không trả được dữ liệu theo định dạng yêu cầu trong tiêu đề Accept.",
        408 => "Yêu cầu gửi lên quá chậm nên đã bị ngắt. Hãy thử lại.",
        409 => "Dữ liệu đã bị người khác thay đổi hoặc trùng với dữ liệu đã có. Hãy tải lại rồi thử lại.",
        411 => "Yêu cầu phải có tiêu đề Content-Length.",
        412 => "Phiên bản trong If-Match không còn là phiên bản hiện tại: dữ liệu đã thay đổi. Hãy tải lại rồi thử lại.",
        413 => $"Tệp hoặc dữ liệu gửi lên vượt quá giới hạn cho phép: tệp Excel nhập dữ liệu tối đa {Megabytes(Spreadsheet.MaxUploadBytes)}, mỗi tệp minh chứng tối đa {Megabytes(FileRules.MaxFileBytes)}. Hãy chia nhỏ hoặc nén tệp rồi gửi lại.",
        414 => "Địa chỉ yêu cầu quá dài; hãy rút ngắn từ khóa tìm kiếm hoặc bộ lọc.",
        415 => "Kiểu nội dung không được hỗ trợ: API nhận 'application/json', tệp tải lên gửi bằng 'multipart/form-data'.",
        422 => "Dữ liệu gửi lên không đáp ứng quy định; hãy xem chi tiết rồi sửa lại.",
        428 => "Thao tác này cần phiên bản dữ liệu hiện tại (tiêu đề If-Match hoặc trường version).",
        429 => "Đồng chí đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy chờ ít phút rồi thử lại.",
        431 => "Phần đầu yêu cầu (cookie, tiêu đề) quá lớn. Hãy xóa cookie của trang rồi thử lại.",
        >= 500 => "Hệ thống gặp lỗi khi xử lý yêu cầu. Dữ liệu chưa được lưu. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị viên.",
        _ => "Yêu cầu không thực hiện được. Hãy kiểm tra lại rồi thử lại.",
    };

    private static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
