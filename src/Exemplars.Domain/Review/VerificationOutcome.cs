namespace Exemplars.Domain.Review;

/// <summary>What the secretariat did with a dossier after judging every criterion.</summary>
public enum VerificationOutcome
{
    /// <summary>Results saved; the dossier waits.</summary>
    Saved,

    /// <summary>Every criterion Đạt: accepted as a candidate (Đã thẩm định).</summary>
    Accepted,

    /// <summary>Returned to the unit with the notes of the criteria not passed.</summary>
    Returned,
}
