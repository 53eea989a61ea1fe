using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// Plan IV.2 on the day of seeding: a Youth Union branch and a Veterans' branch under each of the first three grassroots
/// units, and the exemplars they found at every step of the way up: kept, sent and waiting for the bloc association,
/// returned with a reason, forwarded to the secretariat (one of them nurtured), and one the Bloc Youth Union found itself.
/// </summary>
public static class DemoBranches
{
    public const int UnitsWithBranches = 3;

    /// <summary>The branches' codes: the unit's code and CD (chi đoàn) or CCB (chi hội).</summary>
    public static IEnumerable<(string Code, string Name, OrganizationKind Kind, Organization Parent)> Branches(IReadOnlyList<Organization> grassroots, IReadOnlyList<string> units) =>
        grassroots.Take(UnitsWithBranches).SelectMany((g, i) => new[]
        {
            ($"{g.Code}-CD", $"Chi đoàn {units[i]}", OrganizationKind.YouthUnionBranch, g),
            ($"{g.Code}-CCB", $"Chi hội Cựu chiến binh {units[i]}", OrganizationKind.VeteransBranch, g),
        });

    public static void SeedRecords(AppDbContext db, IReadOnlyList<Organization> branches, Organization youth, Organization veterans, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var youthBranches = branches.Where(b => b.Kind == OrganizationKind.YouthUnionBranch).ToList();
        var veteranBranches = branches.Where(b => b.Kind == OrganizationKind.VeteransBranch).ToList();

        DiscoveredExemplar Record(Organization branch, string name, string achievements, int daysAgo, NomineeKind kind = NomineeKind.Individual)
        {
            var association = DiscoveryRouting.AssociationOf(branch.Kind);
            var record = new DiscoveredExemplar
            {
                OrganizationId = branch.Id, Kind = kind, Name = name, Unit = branch.Name, Achievements = achievements, Stage = DiscoveryStage.Discovered,
                RecordedBy = "demo", RecordedAtUtc = now.AddDays(-daysAgo), Association = association,
                SendState = DiscoveryRouting.InitialState(branch.Kind),
            };
            db.DiscoveredExemplars.Add(record);
            return record;
        }

        void Send(DiscoveredExemplar record, Organization to, int daysAgo)
        {
            record.AssociationOrganizationId = to.Id;
            record.SendState = DiscoverySendState.Sent;
            record.SentAtUtc = now.AddDays(-daysAgo);
        }

        void Forward(DiscoveredExemplar record, Organization by, int daysAgo, string email)
        {
            Send(record, by, daysAgo + 3);
            record.SendState = DiscoverySendState.Forwarded;
            record.ForwardedAtUtc = now.AddDays(-daysAgo);
            record.ForwardedBy = email;
        }

        Record(youthBranches[0], "Nguyễn Minh Khôi", "Đoàn viên tiêu biểu, chủ nhiệm công trình thanh niên số hóa hồ sơ thủ tục hành chính của đơn vị.", 5);
        var sent = Record(youthBranches[0], "Trần Thị Bảo Ngọc", "Bí thư chi đoàn hai năm liền hoàn thành xuất sắc nhiệm vụ; khởi xướng phong trào “Mỗi tuần một ý tưởng”.", 20);
        Send(sent, youth, 12);
        var forwarded = Record(youthBranches[1], "Lê Hoàng Phúc", "Đoàn viên có sáng kiến rút ngắn thời gian thẩm định dự án, được đơn vị công nhận và áp dụng.", 60);
        Forward(forwarded, youth, 30, "doankhoi@demo.vn");
        forwarded.Stage = DiscoveryStage.Nurtured;
        forwarded.NurtureNote = "Giao chi đoàn kèm cặp, giới thiệu học lớp nhận thức về Đảng; theo dõi kết quả cuối năm.";
        forwarded.NurturedAtUtc = now.AddDays(-25);
        var returned = Record(youthBranches[2], "Chi đoàn Khoa Hồi sức tích cực", "Tập thể trẻ trực cấp cứu an toàn.", 40, NomineeKind.Collective);
        Send(returned, youth, 35);
        returned.SendState = DiscoverySendState.Returned;
        returned.ReturnReason = "Đề nghị ghi rõ kết quả cụ thể (số ca cấp cứu thành công, khen thưởng đã nhận) rồi gửi lại.";

        var veteran = Record(veteranBranches[0], "Phạm Văn Hòa", "Hội viên cựu chiến binh gương mẫu, vận động gia đình hội viên hiến đất làm đường giao thông nông thôn.", 45);
        Forward(veteran, veterans, 20, "hoiccb@demo.vn");
        var veteranSent = Record(veteranBranches[1], "Đỗ Thị Thanh", "Chi hội trưởng nhiều năm liền; giúp hội viên khó khăn phát triển kinh tế gia đình.", 15);
        Send(veteranSent, veterans, 8);

        var own = Record(youth, "Võ Thành Đạt", "Ủy viên Ban Chấp hành Đoàn Khối, tổ chức tốt chương trình “Tiếp sức mùa thi” của tuổi trẻ Khối.", 10);
        own.AssociationOrganizationId = youth.Id;
        own.ForwardedAtUtc = own.RecordedAtUtc;
        own.ForwardedBy = "doankhoi@demo.vn";
        own.Unit = null;
    }
}
