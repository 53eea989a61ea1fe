namespace Exemplars.Domain.Ceremonies;

/// <summary>A ceremony is planned until the secretariat records that it was held (then its list and attendance are history).</summary>
public enum CeremonyState
{
    Planned,
    Held,
}
