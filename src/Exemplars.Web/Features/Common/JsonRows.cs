using System.Globalization;
using System.Text.Json;
using Exemplars.Domain.Common;
using Microsoft.Extensions.Options;

namespace Exemplars.Web.Features.Common;

/// <summary>
/// The JSON variant of the bulk imports (issue 17): an API client sends typed rows instead of a workbook; each row is
/// written as the cells the template would hold and imported by the same handler, with the same checks, all or nothing.
/// Row numbers in the errors are the rows' positions in the array, from 1.
/// </summary>
public static class JsonRows
{
    /// <summary>What the audit summary names as the imported "file".</summary>
    public const string Name = "JSON (API)";

    public const string ProblemCode = "import_rows_refused";

    /// <summary>Null when the array holds 1 to <paramref name="max"/> rows; otherwise the refusal (400), as the syncs give it.</summary>
    public static DomainError? Count<T>(IReadOnlyList<T>? rows, int max) => rows is { Count: > 0 } && rows.Count <= max
        ? null
        : DomainError.Invalid("Rows", $"Hãy gửi từ 1 đến {max.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng trong một lần nhập.");

    /// <summary>
    /// A text as a workbook's cell could hold it: a workbook (XML) cannot carry NUL and other control characters, nor half a
    /// surrogate pair; in JSON or a form they can come, and would reach the database (PostgreSQL refuses NUL): each becomes
    /// U+FFFD. Every API body's text and every page's bound text is read through it (CleanStringJsonConverter,
    /// CleanStringModelBinderProvider), so handlers and rows need not call it again.
    /// </summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }

    /// <summary>A null row of the array: a blank row, which the import refuses as a file's row with no code.</summary>
    public static string[] Blank(int columns) => Enumerable.Repeat(string.Empty, columns).ToArray();

    public static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Text(bool value) => value ? "Có" : "Không";

    public static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Text(Guid? version) => version is { } v && v != Guid.Empty ? v.ToString("D") : string.Empty;

    /// <summary>An import's workbook upload (multipart field <c>file</c>, the page's template) read and imported, then answered as <see cref="Answer"/>.</summary>
    public static async Task<IResult> WorkbookAsync<T>(IFormFile? file, Func<Stream, string, Task<Result<T>>> import, Func<T, bool> applied, Func<T, int> errorCount, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        var upload = await Infrastructure.Excel.Spreadsheet.ReadUploadAsync(file, cancellationToken);
        if (!upload.IsSuccess)
        {
            return Infrastructure.Http.Problems.ToProblem(upload.Errors);
        }

        await using var content = upload.Value;
        return Answer(await import(content, file!.FileName), applied, errorCount, http);
    }

    /// <summary>An import endpoint's upload: bearer tokens only on /api (no cookie to forge), the workbook's size limit.</summary>
    public static RouteHandlerBuilder AcceptsWorkbook(this RouteHandlerBuilder endpoint) =>
        endpoint.DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Infrastructure.Excel.Spreadsheet.MaxUploadBytes + (64 * 1024)));

    /// <summary>
    /// The answer of an import, from a workbook or JSON: 200 with the report when saved; when a row is wrong, nothing is
    /// saved and the answer is a 422 problem details whose extensions are the report (its <c>errors</c>: row and message).
    /// </summary>
    public static IResult Answer<T>(Result<T> result, Func<T, bool> applied, Func<T, int> errorCount, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(http);
        if (!result.IsSuccess)
        {
            return Infrastructure.Http.Problems.ToProblem(result.Errors);
        }

        var report = result.Value;
        if (applied(report))
        {
            return Results.Ok(report);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var extensions = new Dictionary<string, object?> { ["code"] = ProblemCode };
        foreach (var property in JsonSerializer.SerializeToElement(report, options).EnumerateObject())
        {
            extensions[property.Name] = property.Value;
        }

        var count = errorCount(report);
        return Results.Problem(
            detail: $"Có {count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} lỗi ở các dòng; chưa lưu dòng nào. Hãy sửa các dòng được nêu rồi gửi lại.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Không thực hiện được theo quy định",
            extensions: extensions);
    }
}
