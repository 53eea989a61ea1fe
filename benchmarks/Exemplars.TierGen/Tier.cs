namespace Exemplars.TierGen;

/// <summary>
/// A benchmark size. Totals include the demo bloc (45 grassroots organisations, 315 people), so only the difference is
/// generated. Every generated person has <see cref="RatingYears"/> yearly ratings (party members; a few non-members have none).
/// </summary>
public sealed record Tier(string Name, int Grassroots, int People, int Nominations)
{
    public const int DemoGrassroots = 45;
    public const int DemoPeople = 315;

    /// <summary>Four rating years: two inside the 2021–2025 final round (2021–2024), and 2026, the open interim round's year.</summary>
    public static readonly int[] RatingYears = [2023, 2024, 2025, 2026];

    public static Tier? Named(string name) => name switch
    {
        "demo" => new Tier("demo", DemoGrassroots, DemoPeople, 0),
        // What CI loads (BenchmarkSmokeTests): every COPY path, a few seconds.
        "smoke" => new Tier("smoke", 60, 2_000, 40),
        "a" => new Tier("a", 150, 15_000, 300),
        "b" => new Tier("b", 2_000, 200_000, 4_000),
        "c" => new Tier("c", 60_000, 5_000_000, 100_000),
        _ => null,
    };
}
