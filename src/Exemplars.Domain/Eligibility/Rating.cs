namespace Exemplars.Domain.Eligibility;

/// <summary>Yearly quality rating ("xếp loại chất lượng") of a party member, a party organisation or a mass organisation.</summary>
public enum Rating
{
    Excellent,
    Good,
    Completed,
    NotCompleted,
}

/// <summary>Who a nominee is: a collective (tập thể) or an individual (cá nhân).</summary>
public enum NomineeKind
{
    Collective,
    Individual,
}

/// <summary>The mass organisations whose yearly ratings count for a collective (plan 3.1: "các tổ chức đoàn thể").</summary>
public enum MassOrganizationType
{
    TradeUnion,
    YouthUnion,
    WomenUnion,
    VeteransAssociation,
}

public static class RatingLabels
{
    public static string Label(this Rating rating) => rating switch
    {
        Rating.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        Rating.Good => "Hoàn thành tốt nhiệm vụ",
        Rating.Completed => "Hoàn thành nhiệm vụ",
        Rating.NotCompleted => "Không hoàn thành nhiệm vụ",
    };

    public static string Label(this NomineeKind kind) => kind switch
    {
        NomineeKind.Collective => "Tập thể",
        NomineeKind.Individual => "Cá nhân",
    };

    public static string Label(this MassOrganizationType type) => type switch
    {
        MassOrganizationType.TradeUnion => "Công đoàn",
        MassOrganizationType.YouthUnion => "Đoàn Thanh niên",
        MassOrganizationType.WomenUnion => "Hội Liên hiệp Phụ nữ",
        MassOrganizationType.VeteransAssociation => "Hội Cựu chiến binh",
    };
}
