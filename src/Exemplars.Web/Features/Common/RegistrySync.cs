namespace Exemplars.Web.Features.Common;

/// <summary>
/// What the registry syncs (people, ratings, organisations; ADR 030) answer alike: a refused row with its reasons, the
/// records a full push left out (all counted, the first ones listed), and the counts their audit summary keeps.
/// </summary>
public static class RegistrySync
{
    /// <summary>The refusals listed in the answer (all are counted).</summary>
    public const int MaxListedRefusals = 1_000;

    /// <summary>The missing records listed in the answer (all are counted).</summary>
    public const int MaxListedMissing = 1_000;

    /// <param name="Index">The row's place in the push, from 0.</param>
    public sealed record Refusal(int Index, string? Code, IReadOnlyList<string> Reasons);

    /// <summary>The records in scope that a full push left out: reported, never removed.</summary>
    public sealed class Missing
    {
        private readonly List<string> _listed = [];

        public int Count { get; private set; }

        public IReadOnlyList<string> Listed => _listed;

        public void Add(string key)
        {
            Count++;
            if (_listed.Count < MaxListedMissing)
            {
                _listed.Add(key);
            }
        }
    }

    /// <summary>The counts of a push, as its audit summary keeps them (JSON).</summary>
    public static string Counts(int rows, int created, int updated, int unchanged, int refused, int missing) =>
        $"{{\"rows\":{rows},\"created\":{created},\"updated\":{updated},\"unchanged\":{unchanged},\"refused\":{refused},\"missing\":{missing}}}";
}
