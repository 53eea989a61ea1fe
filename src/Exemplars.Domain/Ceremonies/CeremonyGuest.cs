namespace Exemplars.Domain.Ceremonies;

/// <summary>One person (or one collective's representative) invited to a ceremony: one invitation, one seat, one attendance mark.</summary>
public sealed class CeremonyGuest
{
    public const int MaxName = 300;

    public const int MaxPosition = 200;

    public int Id { get; set; }

    public int CeremonyId { get; set; }

    public GuestKind Kind { get; set; }

    /// <summary>The award this guest receives (awardees only).</summary>
    public int? AwardId { get; set; }

    /// <summary>The registry's person, when the guest is one (an individual awardee, a unit leader).</summary>
    public int? PersonId { get; set; }

    /// <summary>The grassroots unit the guest comes for: what decides which clerk sees the invitation. None for the host's leaders and outside guests.</summary>
    public int? OrganizationId { get; set; }

    /// <summary>"Nguyễn Văn A", or the collective's name for its representative.</summary>
    public string Name { get; set; } = string.Empty;

    public string? Position { get; set; }

    /// <summary>The workplace as printed on the invitation.</summary>
    public string? Unit { get; set; }

    /// <summary>"A01": row letter(s) and seat number; "KM01" in the guests' block.</summary>
    public string Seat { get; set; } = string.Empty;

    /// <summary>Null until the roll is taken: then came or did not come.</summary>
    public bool? Attended { get; set; }

    /// <summary>Place in the invitation list (and, for awardees, the order of presentation).</summary>
    public int Order { get; set; }
}
