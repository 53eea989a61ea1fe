namespace Exemplars.Domain.Nominations;

/// <summary>An in-app notice for the people of an organisation (or one user).</summary>
public sealed class Notification
{
    public long Id { get; set; }

    /// <summary>Everyone whose scope includes this organisation with one of <see cref="Roles"/> sees it.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Comma-separated role names the notice is for.</summary>
    public string Roles { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the notice was claimed for e-mail (set before sending, so a restart never sends it twice).</summary>
    public DateTime? EmailedAtUtc { get; set; }

    /// <summary>Why the e-mail failed, if it did; the notice stays in the app either way.</summary>
    public string? EmailError { get; set; }
}
