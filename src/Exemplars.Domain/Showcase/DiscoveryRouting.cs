using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;

namespace Exemplars.Domain.Showcase;

/// <summary>The two mass organisations that direct their branches to find and nurture exemplars (plan IV.2).</summary>
public enum MassAssociation
{
    /// <summary>Đoàn Thanh niên.</summary>
    YouthUnion,

    /// <summary>Hội Cựu chiến binh.</summary>
    Veterans,
}

/// <summary>Where a branch's record stands on its way up through the bloc association to the bloc secretariat.</summary>
public enum DiscoverySendState
{
    /// <summary>Kept at the recording branch or unit; the association does not see it yet.</summary>
    Kept,

    /// <summary>Sent by the branch to its bloc association, waiting for it.</summary>
    Sent,

    /// <summary>Forwarded by the bloc association to the bloc's secretariat (or recorded by the association itself).</summary>
    Forwarded,

    /// <summary>Returned by the bloc association to the branch with a reason.</summary>
    Returned,
}

/// <summary>
/// Plan IV.2: the Bloc Youth Union and the Bloc Veterans' Association direct their branches (under the grassroots units)
/// to find and nurture exemplars. A branch records, then sends the record to its bloc association; the association
/// forwards it to the secretariat or returns it with a reason. The rules of that path, pure.
/// </summary>
public static class DiscoveryRouting
{
    public const int MaxReturnReasonLength = 1000;

    /// <summary>The association an organisation of this kind belongs to (a branch or the bloc association itself), if any.</summary>
    public static MassAssociation? AssociationOf(OrganizationKind kind) => kind switch
    {
        OrganizationKind.YouthUnionBranch or OrganizationKind.BlocYouthUnion => MassAssociation.YouthUnion,
        OrganizationKind.VeteransBranch or OrganizationKind.BlocVeteransAssociation => MassAssociation.Veterans,
        _ => null,
    };

    /// <summary>The kinds of the mass organisations' branches, as one list queries can test against (<c>BranchKinds.Contains(o.Kind)</c>).</summary>
    public static IReadOnlyList<OrganizationKind> BranchKinds { get; } = [OrganizationKind.YouthUnionBranch, OrganizationKind.VeteransBranch];

    public static bool IsBranch(OrganizationKind kind) => BranchKinds.Contains(kind);

    /// <summary>The kind of the bloc-level organisation that leads the association's branches.</summary>
    public static OrganizationKind BlocKind(MassAssociation association) => association switch
    {
        MassAssociation.YouthUnion => OrganizationKind.BlocYouthUnion,
        MassAssociation.Veterans => OrganizationKind.BlocVeteransAssociation,
        _ => throw new ArgumentOutOfRangeException(nameof(association)),
    };

    /// <summary>The state a new record starts in: a branch keeps it until it sends it; the bloc association's own record is already with the bloc.</summary>
    public static DiscoverySendState InitialState(OrganizationKind recorder) =>
        recorder is OrganizationKind.BlocYouthUnion or OrganizationKind.BlocVeteransAssociation ? DiscoverySendState.Forwarded : DiscoverySendState.Kept;

    /// <summary>A branch sends a record it keeps, or one returned to it, after editing.</summary>
    public static DomainError? CheckSend(OrganizationKind recorder, DiscoverySendState state)
    {
        if (!IsBranch(recorder))
        {
            return new DomainError(ErrorKind.RuleBroken, "not_a_branch", "Chỉ chi đoàn, chi hội mới gửi gương phát hiện lên Đoàn Thanh niên, Hội Cựu chiến binh cấp trên cơ sở.");
        }

        return state is DiscoverySendState.Kept or DiscoverySendState.Returned
            ? null
            : new DomainError(ErrorKind.Conflict, "already_sent", $"Bản ghi đã {Label(state).ToLowerInvariant()}, không gửi lại được.");
    }

    /// <summary>The association forwards to the secretariat a record a branch sent it.</summary>
    public static DomainError? CheckForward(DiscoverySendState state) =>
        state == DiscoverySendState.Sent
            ? null
            : new DomainError(ErrorKind.Conflict, "not_sent", $"Chỉ chuyển được bản ghi chi đoàn, chi hội đã gửi lên; bản ghi này: {Label(state).ToLowerInvariant()}.");

    /// <summary>The association returns a sent record with a reason the branch can act on.</summary>
    public static DomainError? CheckReturn(DiscoverySendState state, string? reason)
    {
        if (state != DiscoverySendState.Sent)
        {
            return new DomainError(ErrorKind.Conflict, "not_sent", $"Chỉ trả lại được bản ghi chi đoàn, chi hội đã gửi lên; bản ghi này: {Label(state).ToLowerInvariant()}.");
        }

        return string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReturnReasonLength
            ? DomainError.Invalid("Reason", $"Hãy ghi lý do trả lại để chi đoàn, chi hội bổ sung (tối đa {MaxReturnReasonLength} ký tự).")
            : null;
    }

    public static string Label(DiscoverySendState state) => state switch
    {
        DiscoverySendState.Kept => "Chưa gửi",
        DiscoverySendState.Sent => "Đã gửi lên, chờ xem xét",
        DiscoverySendState.Forwarded => "Đã chuyển Ban Tuyên giáo – Dân vận",
        DiscoverySendState.Returned => "Bị trả lại",
        _ => state.ToString(),
    };

    public static string Label(MassAssociation association) => association switch
    {
        MassAssociation.YouthUnion => "Đoàn Thanh niên",
        MassAssociation.Veterans => "Hội Cựu chiến binh",
        _ => association.ToString(),
    };
}
