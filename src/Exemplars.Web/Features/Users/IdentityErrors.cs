using Exemplars.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Features.Users;

/// <summary>Identity's errors in Vietnamese, keyed by Identity's stable error codes.</summary>
public static class IdentityErrors
{
    public static DomainError[] Translate(IEnumerable<IdentityError> errors) =>
        errors.Select(e => DomainError.Invalid(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "Email", Message(e))).ToArray();

    private static string Message(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => $"Mật khẩu phải có ít nhất {Domain.Users.PasswordRules.MinimumLength} ký tự.",
        Infrastructure.Auth.CommonPasswordValidator.Code => "Mật khẩu quá phổ biến hoặc dễ đoán (ví dụ một từ thông dụng thêm số và ký tự, hoặc chứa tên tài khoản). Hãy chọn mật khẩu khác, tốt nhất là một câu ngắn dễ nhớ.",
        "PasswordRequiresDigit" => "Mật khẩu phải có ít nhất một chữ số.",
        "PasswordRequiresLower" => "Mật khẩu phải có ít nhất một chữ thường.",
        "PasswordRequiresUpper" => "Mật khẩu phải có ít nhất một chữ hoa.",
        "PasswordRequiresNonAlphanumeric" => "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !).",
        "PasswordRequiresUniqueChars" => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
        "PasswordMismatch" => "Mật khẩu hiện tại không đúng.",
        "DuplicateUserName" or "DuplicateEmail" => "Địa chỉ thư điện tử đã được dùng cho tài khoản khác.",
        "InvalidEmail" or "InvalidUserName" => "Địa chỉ thư điện tử không hợp lệ.",
        _ => "Không thực hiện được: " + error.Description,
    };
}
