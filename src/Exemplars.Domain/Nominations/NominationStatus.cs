namespace Exemplars.Domain.Nominations;

/// <summary>
/// Where a nomination (hồ sơ đề nghị) is in its life. From <see cref="InBallot"/> on the state only moves forward along
/// the ballot's and the province's decisions: nothing can be withdrawn, returned or nominated again in the round.
/// Stored as its name (at most 20 characters).
/// </summary>
public enum NominationStatus
{
    Draft,
    Submitted,
    Returned,
    Resubmitted,
    Withdrawn,

    /// <summary>Checked by the secretariat against every criterion and accepted as a candidate.</summary>
    Verified,

    /// <summary>On an open main ballot of the standing committee.</summary>
    InBallot,

    /// <summary>Passed the ballot (quorum met, approvals above the threshold): commended at bloc level.</summary>
    Commended,

    /// <summary>Did not pass the ballot.</summary>
    NotCommended,

    /// <summary>Listed in the bloc's Tờ trình to the province.</summary>
    ProposedToProvince,

    /// <summary>The province commended the candidate.</summary>
    ProvinceCommended,

    /// <summary>The province did not commend the candidate.</summary>
    ProvinceNotCommended,
}
