namespace Exemplars.Domain.Nominations;

/// <summary>What the province decided about a candidate the bloc sent up.</summary>
public enum ProvinceOutcome
{
    None,
    Pending,
    Commended,
    NotCommended,
}
