namespace Exemplars.Domain.Ballots;

public enum CheckResult
{
    /// <summary>Đạt.</summary>
    Pass,

    /// <summary>Không đạt.</summary>
    Fail,

    /// <summary>Cần bổ sung.</summary>
    NeedsMore,
}
