namespace Exemplars.Domain.Showcase;

public enum DiscoveryStage
{
    /// <summary>Phát hiện.</summary>
    Discovered,

    /// <summary>Bồi dưỡng.</summary>
    Nurtured,
}
