namespace Exemplars.Domain.Ballots;

public enum BallotKind
{
    /// <summary>The standing committee's vote over the round's verified candidates.</summary>
    Main,

    /// <summary>A second vote among candidates tied at a quota cut.</summary>
    RunOff,
}
