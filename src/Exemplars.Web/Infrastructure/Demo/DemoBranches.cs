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

        // The same transitions the pages make (DiscoveredExemplar's), dated in the past.
        DiscoveredExemplar Record(Organization by, string name, string achievements, int daysAgo, NomineeKind kind = NomineeKind.Individual, string recordedBy = "demo")
        {
            var record = new DiscoveredExemplar
            {
                OrganizationId = by.Id, Kind = kind, Name = name, Unit = DiscoveryRouting.IsBranch(by.Kind) ? by.Name : null, Achievements = achievements,
                Stage = DiscoveryStage.Discovered, RecordedBy = recordedBy, RecordedAtUtc = now.AddDays(-daysAgo),
            };
            record.StartRouting(by.Kind, by.Id, recordedBy, record.RecordedAtUtc);
            db.DiscoveredExemplars.Add(record);
            return record;
        }

        void Forward(DiscoveredExemplar record, Organization by, int daysAgo, string email)
        {
            record.Send(by.Id, now.AddDays(-(daysAgo + 3)));
            record.Forward(email, now.AddDays(-daysAgo));
        }

        Record(youthBranches[0], "Nguyễn Minh Khôi", "Đoàn viên tiêu biểu, chủ nhiệm công trình thanh niên số hóa hồ sơ thủ tục hành chính của đơn vị.", 5);
        Record(youthBranches[0], "Trần Thị Bảo Ngọc", "Bí thư chi đoàn hai năm liền hoàn thành xuất sắc nhiệm vụ; khởi xướng phong trào “Mỗi tuần một ý tưởng”.", 20)
            .Send(youth.Id, now.AddDays(-12));
        var forwarded = Record(youthBranches[1], "Lê Hoàng Phúc", "Đoàn viên có sáng kiến rút ngắn thời gian thẩm định dự án, được đơn vị công nhận và áp dụng.", 60);
        Forward(forwarded, youth, 30, "doankhoi@demo.vn");
        forwarded.Stage = DiscoveryStage.Nurtured;
        forwarded.NurtureNote = "Giao chi đoàn kèm cặp, giới thiệu học lớp nhận thức về Đảng; theo dõi kết quả cuối năm.";
        forwarded.NurturedAtUtc = now.AddDays(-25);
        var returned = Record(youthBranches[2], "Chi đoàn Khoa Hồi sức tích cực", "Tập thể trẻ trực cấp cứu an toàn.", 40, NomineeKind.Collective);
        returned.Send(youth.Id, now.AddDays(-35));
        returned.Return("Đề nghị ghi rõ kết quả cụ thể (số ca cấp cứu thành công, khen thưởng đã nhận) rồi gửi lại.");

        var veteran = Record(veteranBranches[0], "Phạm Văn Hòa", "Hội viên cựu chiến binh gương mẫu, vận động gia đình hội viên hiến đất làm đường giao thông nông thôn.", 45);
        Forward(veteran, veterans, 20, "hoiccb@demo.vn");
        Record(veteranBranches[1], "Đỗ Thị Thanh", "Chi hội trưởng nhiều năm liền; giúp hội viên khó khăn phát triển kinh tế gia đình.", 15)
            .Send(veterans.Id, now.AddDays(-8));

        // The Bloc Youth Union's own record: with the bloc from the start.
        Record(youth, "Võ Thành Đạt", "Ủy viên Ban Chấp hành Đoàn Khối, tổ chức tốt chương trình “Tiếp sức mùa thi” của tuổi trẻ Khối.", 10, recordedBy: "doankhoi@demo.vn");
    }
}
