using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Every instant the system keeps is UTC (the <c>…AtUtc</c> columns), but SQLite gives them back without a kind, and
/// System.Text.Json then writes them with no offset ("2026-12-01T21:04:56.85"), which a client reads as its own local
/// time. Written here always as UTC with its <c>Z</c>; read back as UTC whatever offset the client sent.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException("Thời điểm phải theo ISO 8601, ví dụ 2026-12-01T21:04:56Z.");
        }

        return value.UtcDateTime;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
