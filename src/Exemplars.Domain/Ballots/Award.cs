namespace Exemplars.Domain.Ballots;

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
