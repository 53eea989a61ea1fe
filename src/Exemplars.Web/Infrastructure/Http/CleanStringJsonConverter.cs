using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Every text an API body brings is read as a form or a workbook could carry it: NUL, other control characters (but tab
/// and line breaks) and half surrogate pairs become U+FFFD (<see cref="Features.Common.JsonRows.Cell"/>). PostgreSQL
/// refuses NUL in text, which made any such write a 500; SQLite stored it. Written texts are left as they are.
/// </summary>
public sealed class CleanStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Features.Common.JsonRows.Cell(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
