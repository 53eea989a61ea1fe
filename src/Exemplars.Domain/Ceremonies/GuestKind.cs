namespace Exemplars.Domain.Ceremonies;

/// <summary>Who a guest of the ceremony is; the order of the values is the order of the invitation list's groups.</summary>
public enum GuestKind
{
    /// <summary>The representative of a commended collective (đại diện tập thể được khen thưởng).</summary>
    CollectiveRepresentative,

    /// <summary>A commended individual (cá nhân được khen thưởng).</summary>
    Individual,

    /// <summary>A leader of an awardee's grassroots unit (lãnh đạo cấp ủy, đơn vị có tập thể, cá nhân được khen thưởng).</summary>
    UnitLeader,

    /// <summary>A leader of the committee that holds the ceremony (lãnh đạo cấp ủy chủ trì).</summary>
    HostLeader,

    /// <summary>Anyone else invited by hand (khách mời, đại biểu).</summary>
    Guest,
}

public static class GuestKinds
{
    public static string Label(this GuestKind kind) => kind switch
    {
        GuestKind.CollectiveRepresentative => "Đại diện tập thể được khen thưởng",
        GuestKind.Individual => "Cá nhân được khen thưởng",
        GuestKind.UnitLeader => "Lãnh đạo đơn vị",
        GuestKind.HostLeader => "Lãnh đạo cấp ủy chủ trì",
        GuestKind.Guest => "Đại biểu, khách mời",
    };

    /// <summary>Guests the decision brings (awardees and their units' leaders): rebuilt from it, not added by hand.</summary>
    public static bool FromDecision(this GuestKind kind) => kind is GuestKind.CollectiveRepresentative or GuestKind.Individual or GuestKind.UnitLeader;

    public static bool IsAwardee(this GuestKind kind) => kind is GuestKind.CollectiveRepresentative or GuestKind.Individual;
}
