namespace Exemplars.Domain.Ballots;

public enum BallotStatus
{
    Open,
    Closed,
}

public enum BallotKind
{
    /// <summary>The standing committee's vote over the round's verified candidates.</summary>
    Main,

    /// <summary>A second vote among candidates tied at a quota cut.</summary>
    RunOff,
}

/// <summary>
/// A secret ballot of the bloc standing committee. Who may vote and who has voted (<see cref="BallotVoter"/>) is stored
/// apart from what was voted (<see cref="BallotVote"/>, the ballot box): no row, column or audit entry links the two.
/// </summary>
public sealed class Ballot
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public BallotKind Kind { get; set; }

    public int? ParentBallotId { get; set; }

    public string Title { get; set; } = string.Empty;

    public BallotStatus Status { get; set; } = BallotStatus.Open;

    public string OpenedBy { get; set; } = string.Empty;

    public DateTime OpenedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public List<BallotCandidate> Candidates { get; set; } = [];
}

public sealed class BallotCandidate
{
    public int Id { get; set; }

    public int BallotId { get; set; }

    public int NominationId { get; set; }
}

/// <summary>The voter roll: one row per member allowed to vote, and only whether they have voted (no time, no choice).</summary>
public sealed class BallotVoter
{
    public int Id { get; set; }

    public int BallotId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public bool HasVoted { get; set; }
}

/// <summary>The ballot box: one choice for one candidate, with a random key and nothing about the voter or the time.</summary>
public sealed class BallotVote
{
    public Guid Id { get; set; }

    public int BallotId { get; set; }

    public int NominationId { get; set; }

    public BallotChoice Choice { get; set; }
}

/// <summary>A numbered decision or submission of an issuer (e.g. 15-QĐ/ĐUK) and the awards it grants.</summary>
public sealed class Decision
{
    public int Id { get; set; }

    public string Issuer { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>The committee term the number counts in (see <see cref="Documents.DocumentNumber.TermKey"/>).</summary>
    public int Term { get; set; }

    public int Number { get; set; }

    public DocumentType Type { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public string Signer { get; set; } = string.Empty;

    public int? RoundId { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public List<Award> Awards { get; set; } = [];

    public string DocumentNumber => Documents.DocumentNumber.Format(Number, Type, Issuer);
}

/// <summary>One commendation a person or collective received: part of their history.</summary>
public sealed class Award
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    public int? NominationId { get; set; }

    public int? PersonId { get; set; }

    public int? OrganizationId { get; set; }

    public string RecipientName { get; set; } = string.Empty;

    /// <summary>E.g. "Giấy khen của Ban Thường vụ Đảng ủy Khối".</summary>
    public string AwardType { get; set; } = string.Empty;
}

public enum CheckResult
{
    /// <summary>Đạt.</summary>
    Pass,

    /// <summary>Không đạt.</summary>
    Fail,

    /// <summary>Cần bổ sung.</summary>
    NeedsMore,
}

/// <summary>The secretariat's verification of one criterion of a dossier.</summary>
public sealed class VerificationItem
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    public string CriterionCode { get; set; } = string.Empty;

    public CheckResult Result { get; set; }

    public string? Note { get; set; }

    public string CheckedBy { get; set; } = string.Empty;

    public DateTime CheckedAtUtc { get; set; }
}

/// <summary>A written, audited change to the computed list sent to the province: include or exclude one candidate.</summary>
public sealed class SelectionOverride
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int NominationId { get; set; }

    public bool Include { get; set; }

    public string Justification { get; set; } = string.Empty;

    public string DecidedBy { get; set; } = string.Empty;

    public DateTime DecidedAtUtc { get; set; }
}

/// <summary>A public comment period (công khai, lấy ý kiến) over chosen verified candidates.</summary>
public sealed class CommentPeriod
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public string OpenedBy { get; set; } = string.Empty;

    public List<CommentPeriodCandidate> Candidates { get; set; } = [];
}

public sealed class CommentPeriodCandidate
{
    public int Id { get; set; }

    public int CommentPeriodId { get; set; }

    public int NominationId { get; set; }
}

public enum CommentStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>A comment from the public on a candidate; moderated, and the secretariat records how it was handled.</summary>
public sealed class PublicComment
{
    public int Id { get; set; }

    public int CommentPeriodId { get; set; }

    public int NominationId { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorContact { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public CommentStatus Status { get; set; } = CommentStatus.Pending;

    public string? Handling { get; set; }

    public string? HandledBy { get; set; }
}
