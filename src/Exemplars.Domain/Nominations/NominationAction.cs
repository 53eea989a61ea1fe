namespace Exemplars.Domain.Nominations;

/// <summary>Everything that moves a nomination from one <see cref="NominationStatus"/> to another.</summary>
public enum NominationAction
{
    Submit,
    Return,
    Withdraw,
    Accept,

    /// <summary>A main ballot over the candidate is opened.</summary>
    OpenBallot,

    /// <summary>The closed ballot's tally passes the candidate.</summary>
    PassBallot,

    /// <summary>The closed ballot's tally does not pass the candidate.</summary>
    FailBallot,

    /// <summary>The ballot closed without quorum: it decided nothing and the candidate may be put to a new ballot.</summary>
    VoidBallot,

    /// <summary>A Tờ trình lists the candidate for the province.</summary>
    ProposeToProvince,

    /// <summary>The secretariat records that the province commended the candidate.</summary>
    ProvinceCommend,

    /// <summary>The secretariat records that the province did not commend the candidate.</summary>
    ProvinceDecline,
}
