using System.Globalization;
using Exemplars.Domain.Common;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Common;

/// <summary>
/// Every numeric query parameter of the API is checked before binding: paging within its bounds, years within the
/// calendar the system uses, ids positive and within range. Anything else is a 400 problem in Vietnamese, never an
/// overflow deep in a query.
/// </summary>
public static class BoundedInput
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = Check(context.HttpContext.Request.Query);
        return errors.Count > 0 ? Problems.ToProblem(errors) : await next(context);
    }

    public static IReadOnlyList<DomainError> Check(IQueryCollection query)
    {
        var errors = new List<DomainError>();
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            var bounds = key.ToLowerInvariant() switch
            {
                "page" => (Min: 1L, Max: (long)PageRequest.MaxPage, Label: "Số trang"),
                "pagesize" => (Min: 1L, Max: (long)PageRequest.MaxSize, Label: "Số dòng mỗi trang"),
                "year" => (Min: MinYear, Max: MaxYear, Label: "Năm"),
                _ when key.EndsWith("id", StringComparison.OrdinalIgnoreCase) => (Min: 1L, Max: int.MaxValue, Label: "Mã số"),
                _ => (Min: 0L, Max: 0L, Label: string.Empty),
            };
            if (bounds.Label.Length == 0)
            {
                continue;
            }

            if (values.Count > 1
                || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                || number < bounds.Min || number > bounds.Max)
            {
                errors.Add(DomainError.Invalid(key, $"{bounds.Label} phải là một số nguyên từ {bounds.Min.ToString("N0", Vietnamese)} đến {bounds.Max.ToString("N0", Vietnamese)}."));
            }
        }

        return errors;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
