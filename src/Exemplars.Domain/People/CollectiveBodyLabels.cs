namespace Exemplars.Domain.People;

/// <summary>The Vietnamese name of each body of a collective that is rated yearly (as on pages, imports and exports).</summary>
public static class CollectiveBodyLabels
{
    public const string PartyMember = "Đảng viên";

    public static string Label(this CollectiveBody body) => body switch
    {
        CollectiveBody.PartyOrganisation => "Tổ chức đảng",
        CollectiveBody.TradeUnion => "Công đoàn",
        CollectiveBody.YouthUnion => "Đoàn Thanh niên",
        CollectiveBody.WomenUnion => "Hội Liên hiệp Phụ nữ",
        CollectiveBody.VeteransAssociation => "Hội Cựu chiến binh",
        _ => body.ToString(),
    };
}
