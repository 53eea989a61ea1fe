using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Programme;

/// <summary>
/// A collective or individual a grassroots committee commended at its own review, with its decision. These count in the
/// unit's periodic reports and can be promoted to a nomination to the bloc with their facts prefilled.
/// </summary>
public sealed class GrassrootsCommendation
{
    public int Id { get; set; }

    /// <summary>The grassroots committee that commended.</summary>
    public int OrganizationId { get; set; }

    public NomineeKind Kind { get; set; }

    /// <summary>A registry person of the unit (individual), when there is one.</summary>
    public int? PersonId { get; set; }

    /// <summary>The unit itself or one of its sub-units (collective), when it is one.</summary>
    public int? CollectiveId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The name folded (<see cref="Common.VietnameseText.Fold"/>) for search without diacritics or case.</summary>
    public string SearchName { get; set; } = string.Empty;

    public string Achievements { get; set; } = string.Empty;

    /// <summary>Giấy khen, Biểu dương (<see cref="ProgrammeRules.CommendationForms"/>).</summary>
    public string Form { get; set; } = string.Empty;

    public string DecisionNumber { get; set; } = string.Empty;

    public DateOnly DecisionDate { get; set; }

    /// <summary>The nomination to the bloc it was promoted to, if any.</summary>
    public int? NominationId { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTime RecordedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The line a dossier's "commendations received" starts from: "Giấy khen (Quyết định số 05-QĐ/ĐU ngày 12/01/2027)".</summary>
    public string Describe(string? issuer) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Form}{(string.IsNullOrWhiteSpace(issuer) ? string.Empty : " của " + issuer)} (Quyết định số {DecisionNumber} ngày {DecisionDate:dd/MM/yyyy})");
}
