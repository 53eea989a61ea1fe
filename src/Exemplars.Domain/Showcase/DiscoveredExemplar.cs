namespace Exemplars.Domain.Showcase;

/// <summary>
/// Plan IV.1–2: grassroots committees, the Bloc Youth Union and the Bloc Veterans' Association find (phát hiện) and
/// nurture (bồi dưỡng) exemplars between rounds; these records feed later nominations.
/// </summary>
public sealed class DiscoveredExemplar
{
    public int Id { get; set; }

    /// <summary>The organisation that keeps the record (a grassroots committee or a bloc mass organisation).</summary>
    public int OrganizationId { get; set; }

    public Eligibility.NomineeKind Kind { get; set; }

    /// <summary>A registry person of the recording unit, when there is one.</summary>
    public int? PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Unit { get; set; }

    public string Achievements { get; set; } = string.Empty;

    public DiscoveryStage Stage { get; set; }

    public string? NurtureNote { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>When it moved to the nurtured stage: the day it counts as nurtured in periodic reports.</summary>
    public DateTime? NurturedAtUtc { get; set; }

    /// <summary>The mass organisation whose branch (or bloc association) recorded it; null for a party committee's record.</summary>
    public MassAssociation? Association { get; set; }

    /// <summary>The bloc association the record goes up through (plan IV.2); set with <see cref="Association"/>.</summary>
    public int? AssociationOrganizationId { get; set; }

    public DiscoverySendState SendState { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public DateTime? ForwardedAtUtc { get; set; }

    public string? ForwardedBy { get; set; }

    /// <summary>Why the association returned it; cleared when the branch sends it again.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>Changes on every edit; an edit sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Where a new record starts (ADR 029): a party committee's belongs to no association; a branch keeps its own until it
    /// sends it; a bloc association's own record is with the bloc at once, as if forwarded by the one who recorded it.
    /// </summary>
    public void StartRouting(Organizations.OrganizationKind recorder, int recorderId, string recordedBy, DateTime nowUtc)
    {
        Association = DiscoveryRouting.AssociationOf(recorder);
        SendState = DiscoveryRouting.InitialState(recorder);
        if (SendState == DiscoverySendState.Forwarded)
        {
            AssociationOrganizationId = recorderId;
            ForwardedAtUtc = nowUtc;
            ForwardedBy = recordedBy;
        }
    }

    /// <summary>The branch sends it to its bloc association (after <see cref="DiscoveryRouting.CheckSend"/>), the reason of an earlier return cleared.</summary>
    public void Send(int associationOrganizationId, DateTime nowUtc)
    {
        AssociationOrganizationId = associationOrganizationId;
        SendState = DiscoverySendState.Sent;
        SentAtUtc = nowUtc;
        ReturnReason = null;
        Version = Guid.NewGuid();
    }

    /// <summary>The bloc association forwards it to the secretariat (after <see cref="DiscoveryRouting.CheckForward"/>).</summary>
    public void Forward(string forwardedBy, DateTime nowUtc)
    {
        SendState = DiscoverySendState.Forwarded;
        ForwardedAtUtc = nowUtc;
        ForwardedBy = forwardedBy;
        Version = Guid.NewGuid();
    }

    /// <summary>The bloc association returns it with a reason (after <see cref="DiscoveryRouting.CheckReturn"/>).</summary>
    public void Return(string reason)
    {
        SendState = DiscoverySendState.Returned;
        ReturnReason = reason.Trim();
        Version = Guid.NewGuid();
    }
}
