namespace Exemplars.Domain.Review;

/// <summary>
/// One verification of one sending of a dossier, kept for good (append-only): who judged, when, what was decided and the
/// result and note of every criterion (as JSON). Shown in the dossier's history after acceptance or return.
/// </summary>
public sealed class VerificationRecord
{
    public int Id { get; set; }

    public int NominationId { get; set; }

    /// <summary>The sending judged (Nomination.SubmissionCount at the time): 1 for the first sending, 2 after a return…</summary>
    public int SubmissionNumber { get; set; }

    /// <summary>Lưu (saved only), Tiếp nhận (accepted) or Trả lại (returned).</summary>
    public VerificationOutcome Outcome { get; set; }

    /// <summary>[{ code, name, result, note }] in the order shown.</summary>
    public string ItemsJson { get; set; } = "[]";

    public string CheckedBy { get; set; } = string.Empty;

    public DateTime CheckedAtUtc { get; set; }
}
