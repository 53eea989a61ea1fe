using System.Globalization;
using System.Text.Json;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure;

namespace Exemplars.Web.Features.Audit;

/// <summary>An audit entry's changes as people read them: each field by its Vietnamese name, value before → after.</summary>
public static class AuditChanges
{
    public const int MaxValueLength = 200;

    public sealed record Change(string Field, string? Before, string? After);

    public static string ActionLabel(string action) => action switch
    {
        "Created" => "Tạo mới",
        "Updated" => "Sửa",
        "Deleted" => "Xóa",
        "Imported" => "Nhập từ Excel",
        _ => "Thao tác khác",
    };

    /// <summary>
    /// Reads the stored JSON: an object of field → [before, after] (the interceptor's shape) or field → value (an
    /// import's summary). Anything unreadable gives no rows rather than raw text.
    /// </summary>
    public static IReadOnlyList<Change> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var changes = new List<Change>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = AuditLabels.Field(property.Name);
                if (property.Value is { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2)
                {
                    changes.Add(new Change(field, Format(pair[0]), Format(pair[1])));
                }
                else
                {
                    changes.Add(new Change(field, null, Format(property.Value)));
                }
            }

            return changes;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => Text(value.GetString() ?? string.Empty),
        _ => Shorten(value.GetRawText()),
    };

    private static string Text(string text)
    {
        if (text == "***")
        {
            return "(ẩn)";
        }

        if (Roles.IsKnown(text))
        {
            return Roles.Label(text);
        }

        // Identifiers and checksums mean nothing to a reader; the record's own number is in its row.
        if (Guid.TryParse(text, out _))
        {
            return "(mã định danh)";
        }

        if (text.Length >= 32 && text.All(Uri.IsHexDigit))
        {
            return "(mã kiểm tra)";
        }

        // A stored JSON document (a dossier's sent snapshot, a job's result, an event's body) is not for reading here.
        if (text.Length > 1 && (text[0] == '{' || text[0] == '[') && IsJson(text))
        {
            return "(dữ liệu lưu kèm)";
        }

        if (text.Length <= 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return VietnamTime.Format(date);
        }

        if (text.Length is >= 19 and <= 40 && text[4] == '-' && text[10] == 'T'
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return VietnamTime.Format(instant);
        }

        return Shorten(text);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length > MaxValueLength ? text[..MaxValueLength] + "…" : text;
}
