using Exemplars.Domain.Eligibility;

namespace Exemplars.Web.Features.Eligibility;

/// <summary>
/// What "Phát hiện" shows, kept per round and subject (issue 14): a row for every active person and grassroots
/// collective that the registry makes a suggestion in the round (with the reasons), and one for every active person
/// without a field (counted, not listed). Rebuilt from <see cref="SuggestionMark"/>s by <see cref="RefreshSuggestions"/>;
/// never edited by hand. See ADR 014.
/// </summary>
public sealed class SuggestionRow
{
    public int RoundId { get; set; }

    public NomineeKind Kind { get; set; }

    /// <summary>The person's or the organisation's id.</summary>
    public int SubjectId { get; set; }

    public SuggestionStatus Status { get; set; }

    /// <summary>Where the subject sits, for the scope filter: the person's organisation, or the collective itself.</summary>
    public int OrganizationId { get; set; }

    public string Name { get; set; } = string.Empty;

    public byte[] NameKey { get; set; } = [];

    public string OrganizationName { get; set; } = string.Empty;

    public byte[] OrganizationKey { get; set; } = [];

    public string Category { get; set; } = string.Empty;

    public byte[] CategoryKey { get; set; } = [];

    /// <summary>The rules that passed (JSON list of code, status, message).</summary>
    public string Reasons { get; set; } = "[]";

    /// <summary>The rebuild that wrote the row; a full rebuild removes rows older than itself (subjects gone meanwhile).</summary>
    public long Generation { get; set; }
}

public enum SuggestionStatus
{
    Suggested = 1,

    /// <summary>An active person whose field (lĩnh vực) is not recorded: cannot be judged.</summary>
    WithoutField = 2,
}

/// <summary>
/// "Recompute this": written in the same transaction as every change that can alter a suggestion (by
/// <see cref="SuggestionMarking"/>, or by a bulk insert's caller), removed once processed.
/// </summary>
public sealed class SuggestionMark
{
    public long Id { get; set; }

    public SuggestionMarkKind Kind { get; set; }

    /// <summary>The person or organisation; null for <see cref="SuggestionMarkKind.All"/>.</summary>
    public int? SubjectId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

public enum SuggestionMarkKind
{
    /// <summary>One person.</summary>
    Person = 1,

    /// <summary>A collective with its people and the leaders tied to it.</summary>
    Organization = 2,

    /// <summary>Everyone in every round (a plan, round or category changed, or a key could not be known).</summary>
    All = 3,
}

/// <summary>The one row saying the rows are complete: written by a full rebuild with the collation it used.</summary>
public sealed class SuggestionState
{
    public int Id { get; set; } = 1;

    public long Generation { get; set; }

    public string SortKeyVersion { get; set; } = string.Empty;

    public DateTime BuiltAtUtc { get; set; }
}
