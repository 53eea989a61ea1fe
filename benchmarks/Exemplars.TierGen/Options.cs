namespace Exemplars.TierGen;

internal sealed record Options(string Tier, string App, string Connection, int Port, bool Keep)
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=56432;Username=postgres;Database=bench_";

    public static Options? Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var tier = Value("--tier");
        var app = Value("--app");
        var keep = args.Contains("--keep");
        if (tier is null || (app is null && !keep))
        {
            return null;
        }

        var connection = Value("--connection") ?? DefaultConnection + tier;
        var port = int.TryParse(Value("--port"), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 5989;
        return new Options(tier, app ?? string.Empty, connection, port, keep);
    }
}
