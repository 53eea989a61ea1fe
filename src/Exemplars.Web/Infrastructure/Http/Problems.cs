using Exemplars.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>The one place where errors-as-data become HTTP (RFC 9457) or form errors.</summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "Dữ liệu không hợp lệ",
        ErrorKind.NotFound => "Không tìm thấy",
        ErrorKind.Forbidden => "Không có quyền",
        ErrorKind.Conflict => "Xung đột dữ liệu",
        ErrorKind.RuleBroken => "Không thực hiện được theo quy định",
    };

    public static IResult ToProblem(IReadOnlyList<DomainError> errors)
    {
        var first = errors[0];
        var status = first.Code == Features.Common.Versions.RequiredCode ? StatusCodes.Status428PreconditionRequired : StatusOf(first.Kind);
        var extensions = new Dictionary<string, object?> { ["code"] = first.Code };
        if (first.Kind == ErrorKind.Validation)
        {
            extensions["errors"] = errors
                .GroupBy(e => Camel(e.Field ?? string.Empty))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        }

        return Results.Problem(
            detail: string.Join(" ", errors.Select(e => e.Message).Distinct()),
            statusCode: status,
            title: status == StatusCodes.Status428PreconditionRequired ? "Thiếu phiên bản dữ liệu" : TitleOf(first.Kind),
            extensions: extensions);
    }

    public static IResult NotFound() => ToProblem([DomainError.NotFound()]);

    /// <summary>200 with the value, or the problem of the errors.</summary>
    public static IResult Ok<T>(Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : ToProblem(result.Errors);

    public static void AddTo(ModelStateDictionary modelState, IEnumerable<DomainError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field is null ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
