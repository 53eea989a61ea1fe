using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;

namespace Exemplars.Domain.People;

public enum Gender
{
    Male,
    Female,
}

/// <summary>
/// A person in a grassroots committee's registry. <see cref="Code"/> is the stable key that makes re-imports
/// idempotent (e.g. the party card number or the unit's staff code).
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public string SearchName { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    public Gender? Gender { get; set; }

    public string? Ethnicity { get; set; }

    public string? Position { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public bool IsPartyMember { get; set; }

    public int? PartyJoinYear { get; set; }

    /// <summary>Holds a leading or managing post (người đứng đầu, lãnh đạo quản lý).</summary>
    public bool IsLeader { get; set; }

    /// <summary>The collective (organisation or sub-unit) this leader leads.</summary>
    public int? LedOrganizationId { get; set; }

    public Organization? LedOrganization { get; set; }

    /// <summary>The field (lĩnh vực) as the plan's individual category code: 3.2.1 … 3.2.5.</summary>
    public string? FieldCategoryCode { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<PersonRating> Ratings { get; set; } = [];

    public List<DisciplineRecord> Disciplines { get; set; } = [];
}

/// <summary>A party member's yearly quality rating.</summary>
public sealed class PersonRating
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int Year { get; set; }

    public Rating Rating { get; set; }

    /// <summary>
    /// The optional 100-point score beside the level, for the years whose regulation scores (366-QĐ/TW from 2025;
    /// <see cref="RatingScores"/>, ADR 026).
    /// </summary>
    public int? Score { get; set; }

    /// <summary>Changes on every write of this rating; a write sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Which body of a collective a yearly rating is for.</summary>
public enum CollectiveBody
{
    PartyOrganisation,
    TradeUnion,
    YouthUnion,
    WomenUnion,
    VeteransAssociation,
}

/// <summary>A collective's yearly rating: its party organisation or one of its mass organisations.</summary>
public sealed class CollectiveRating
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public int Year { get; set; }

    public CollectiveBody Body { get; set; }

    public Rating Rating { get; set; }

    /// <summary>Changes on every write of this rating; a write sends the version it read (ADR 012).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A disciplinary measure a person received (kỷ luật), by year.</summary>
public sealed class DisciplineRecord
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int Year { get; set; }

    public string Form { get; set; } = string.Empty;

    public string? Note { get; set; }
}
