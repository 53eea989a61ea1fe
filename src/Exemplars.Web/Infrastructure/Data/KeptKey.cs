namespace Exemplars.Web.Infrastructure.Data;

/// <summary>Keys of <see cref="KeptValues{TKey, TValue}"/>: the caller's scope and a filter's values, one per line.</summary>
public static class KeptKey
{
    public static string Of(params object?[] parts) => string.Join('\n', parts);
}
