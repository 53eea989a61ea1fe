using Exemplars.Domain.Common;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// Deterministic demo data for an empty database: the bloc, its boards and mass organisations, 45 grassroots
/// organisations of all three host types with sub-units (122 organisations), 315 people with ratings, the demo accounts
/// of shared/API.md, the finished 2021–2025 rounds (<see cref="DemoHistory"/>), and the current 2026–2030 plan whose interim
/// round is open for months after the day of seeding.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Demo@2025-Khoi";
    public const string BlocName = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh";

    /// <summary>(Name of the host unit, host type, "Đảng bộ" or "Chi bộ").</summary>
    internal static readonly (string Unit, HostUnitType Host, bool Large)[] Grassroots =
    [
        ("Sở Tài chính", HostUnitType.StateAgency, true),
        ("Sở Kế hoạch và Đầu tư", HostUnitType.StateAgency, true),
        ("Bệnh viện Đa khoa tỉnh", HostUnitType.StateAgency, true),
        ("Công ty Điện lực tỉnh", HostUnitType.StateEnterprise, true),
        ("Công ty Cổ phần May Hưng Phát", HostUnitType.PrivateEnterprise, false),
        ("Sở Giáo dục và Đào tạo", HostUnitType.StateAgency, true),
        ("Sở Y tế", HostUnitType.StateAgency, true),
        ("Sở Tư pháp", HostUnitType.StateAgency, false),
        ("Sở Nội vụ", HostUnitType.StateAgency, true),
        ("Sở Văn hóa, Thể thao và Du lịch", HostUnitType.StateAgency, true),
        ("Sở Tài nguyên và Môi trường", HostUnitType.StateAgency, true),
        ("Sở Giao thông vận tải", HostUnitType.StateAgency, true),
        ("Sở Công Thương", HostUnitType.StateAgency, true),
        ("Sở Nông nghiệp và Phát triển nông thôn", HostUnitType.StateAgency, true),
        ("Sở Lao động – Thương binh và Xã hội", HostUnitType.StateAgency, true),
        ("Sở Khoa học và Công nghệ", HostUnitType.StateAgency, false),
        ("Sở Thông tin và Truyền thông", HostUnitType.StateAgency, false),
        ("Văn phòng Ủy ban nhân dân tỉnh", HostUnitType.StateAgency, true),
        ("Thanh tra tỉnh", HostUnitType.StateAgency, false),
        ("Bệnh viện Y học cổ truyền tỉnh", HostUnitType.StateAgency, false),
        ("Bệnh viện Sản – Nhi tỉnh", HostUnitType.StateAgency, true),
        ("Trung tâm Kiểm soát bệnh tật tỉnh", HostUnitType.StateAgency, false),
        ("Trường Cao đẳng Y tế", HostUnitType.StateAgency, false),
        ("Trường Chính trị tỉnh", HostUnitType.StateAgency, false),
        ("Trường Trung học phổ thông chuyên Lê Quý Đôn", HostUnitType.StateAgency, false),
        ("Trường Đại học Phạm Văn Đồng", HostUnitType.StateAgency, true),
        ("Đài Phát thanh và Truyền hình tỉnh", HostUnitType.StateAgency, true),
        ("Báo tỉnh", HostUnitType.StateAgency, false),
        ("Kho bạc Nhà nước tỉnh", HostUnitType.StateAgency, false),
        ("Bảo hiểm xã hội tỉnh", HostUnitType.StateAgency, true),
        ("Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh tỉnh", HostUnitType.StateEnterprise, false),
        ("Ngân hàng Nông nghiệp và Phát triển Nông thôn – Chi nhánh tỉnh", HostUnitType.StateEnterprise, true),
        ("Ngân hàng TMCP Công thương Việt Nam – Chi nhánh tỉnh", HostUnitType.StateEnterprise, false),
        ("Ngân hàng Chính sách xã hội – Chi nhánh tỉnh", HostUnitType.StateEnterprise, true),
        ("Viễn thông tỉnh", HostUnitType.StateEnterprise, true),
        ("Bưu điện tỉnh", HostUnitType.StateEnterprise, false),
        ("Công ty TNHH MTV Xổ số kiến thiết", HostUnitType.StateEnterprise, false),
        ("Công ty TNHH MTV Khai thác công trình thủy lợi", HostUnitType.StateEnterprise, true),
        ("Công ty Cổ phần Cấp thoát nước", HostUnitType.StateEnterprise, false),
        ("Công ty Cổ phần Xây dựng Thành Công", HostUnitType.PrivateEnterprise, false),
        ("Công ty TNHH Thực phẩm Sao Mai", HostUnitType.PrivateEnterprise, false),
        ("Công ty Cổ phần Vận tải Hoàng Long", HostUnitType.PrivateEnterprise, false),
        ("Công ty TNHH Chế biến gỗ Trường Thịnh", HostUnitType.PrivateEnterprise, false),
        ("Công ty Cổ phần Thủy sản Biển Xanh", HostUnitType.PrivateEnterprise, true),
        ("Ngân hàng TMCP Á Châu – Chi nhánh tỉnh", HostUnitType.PrivateEnterprise, false),
    ];

    private static readonly string[] AgencyCells = ["Chi bộ Văn phòng", "Chi bộ Phòng Kế hoạch – Tài chính", "Chi bộ Phòng Nghiệp vụ"];
    private static readonly string[] HospitalCells = ["Chi bộ Khối Nội", "Chi bộ Khối Ngoại", "Chi bộ Khối Cận lâm sàng"];
    private static readonly string[] EnterpriseCells = ["Chi bộ Văn phòng Công ty", "Chi bộ Phân xưởng Sản xuất", "Chi bộ Phòng Kinh doanh"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var all = new List<Organization>();
        Organization Add(string code, string name, OrganizationKind kind, Organization? parent, HostUnitType? host = null)
        {
            var organization = Organization.Create(new OrganizationDraft(code, name, kind, host, parent?.Code), parent).Value;
            all.Add(organization);
            db.Organizations.Add(organization);
            return organization;
        }

        var province = Add("TU", "Tỉnh ủy", OrganizationKind.ProvinceCommittee, null);
        var bloc = Add("DUK", BlocName, OrganizationKind.BlocCommittee, province);
        Add("DUK-VP", "Văn phòng Đảng ủy Khối", OrganizationKind.BlocBoard, bloc);
        Add("DUK-TC", "Ban Tổ chức Đảng ủy Khối", OrganizationKind.BlocBoard, bloc);
        var secretariat = Add("DUK-TGDV", "Ban Tuyên giáo – Dân vận Đảng ủy Khối", OrganizationKind.BlocBoard, bloc);
        Add("DUK-UBKT", "Ủy ban Kiểm tra Đảng ủy Khối", OrganizationKind.BlocBoard, bloc);
        var youth = Add("DOAN-KHOI", "Đoàn Khối Cơ quan và Doanh nghiệp tỉnh", OrganizationKind.BlocYouthUnion, bloc);
        var veterans = Add("CCB-KHOI", "Hội Cựu chiến binh Khối Cơ quan và Doanh nghiệp tỉnh", OrganizationKind.BlocVeteransAssociation, bloc);

        var grassroots = new List<Organization>();
        for (var i = 0; i < Grassroots.Length; i++)
        {
            var (unit, host, large) = Grassroots[i];
            var code = $"CS{i + 1:000}";
            var organization = Add(code, (large ? "Đảng bộ " : "Chi bộ ") + unit, OrganizationKind.Grassroots, bloc, host);
            grassroots.Add(organization);
            if (large)
            {
                var cells = unit.StartsWith("Bệnh viện", StringComparison.Ordinal) ? HospitalCells
                    : host == HostUnitType.StateAgency ? AgencyCells : EnterpriseCells;
                for (var c = 0; c < cells.Length; c++)
                {
                    Add($"{code}-{c + 1:00}", cells[c], OrganizationKind.SubUnit, organization, host);
                }
            }
        }

        var branches = DemoBranches.Branches(grassroots, Grassroots.Select(g => g.Unit).ToList()).Select(b => Add(b.Code, b.Name, b.Kind, b.Parent)).ToList();
        await db.SaveChangesAsync(cancellationToken);
        foreach (var organization in all)
        {
            organization.AssignPath();
        }

        await db.SaveChangesAsync(cancellationToken);

        var clock = services.GetRequiredService<TimeProvider>();
        var currentRound = await AddCurrentPlanAsync(db, clock, cancellationToken);
        var registry = DemoRegistry.Build(grassroots);
        var people = registry.People.Concat(DemoRegistry.Extra(grassroots, registry.People.Count, ExtraPeoplePerOrganization)).ToList();
        var recent = DemoRegistry.AddRecentRatings(people, grassroots, 2025, Math.Max(2025, currentRound.LastRatingYear));
        db.People.AddRange(people);
        db.CollectiveRatings.AddRange(registry.CollectiveRatings);
        db.CollectiveRatings.AddRange(recent);
        await db.SaveChangesAsync(cancellationToken);

        var users = services.GetRequiredService<UserManager<AppUser>>();
        async Task User(string email, string fullName, string role, Organization organization)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = fullName,
                SearchName = VietnameseText.Fold(fullName + " " + email),
                Role = role,
                OrganizationId = organization.Id,
                LockoutEnabled = true,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
            }
        }

        await User("admin@demo.vn", "Quản trị hệ thống", Roles.Admin, bloc);
        await User("tgdv@demo.vn", "Nguyễn Thị Thu Hà", Roles.Secretariat, secretariat);
        string[] standing = ["Phạm Thị Tố Loan", "Trần Văn Hùng", "Lê Minh Tuấn", "Võ Thị Mai", "Huỳnh Đức Thịnh", "Đặng Quốc Bảo", "Bùi Thị Hồng Nhung", "Ngô Văn Phúc", "Đỗ Thanh Sơn"];
        for (var i = 0; i < standing.Length; i++)
        {
            await User($"btv{i + 1}@demo.vn", standing[i], Roles.StandingCommittee, bloc);
        }

        string[] clerks = ["Trương Thị Lan", "Phan Văn Đức", "Lý Thị Hoa", "Đinh Công Minh", "Hồ Thị Ngọc Ánh"];
        for (var i = 0; i < clerks.Length; i++)
        {
            await User($"coso{i + 1}@demo.vn", clerks[i], Roles.GrassrootsClerk, grassroots[i]);
        }

        await User("doankhoi@demo.vn", "Nguyễn Hoàng Nam", Roles.MassOrganisationClerk, youth);
        await User("hoiccb@demo.vn", "Lê Văn Chiến", Roles.MassOrganisationClerk, veterans);
        await User("chidoan1@demo.vn", "Trần Quốc Việt", Roles.MassOrganisationClerk, branches[0]);
        await User("chihoi1@demo.vn", "Nguyễn Văn Thắng", Roles.MassOrganisationClerk, branches[1]);
        await User("tinhuy@demo.vn", "Vũ Thị Minh Châu", Roles.ProvinceViewer, province);
        DemoBranches.SeedRecords(db, branches, youth, veterans, clock);
        await AddReportsAsync(db, grassroots, cancellationToken);
        await DemoProgramme.SeedAsync(db, grassroots, currentRound.PlanId, clock, cancellationToken);
        var registryDone = watch.ElapsedMilliseconds;
        await DemoHistory.SeedAsync(services, db, grassroots, people, [.. registry.CollectiveRatings, .. recent], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo data seeded in {Total} ms (history of the finished rounds {History} ms)", watch.ElapsedMilliseconds, watch.ElapsedMilliseconds - registryDone);
    }

    public const string CurrentPlanCode = "2026-2030";

    /// <summary>People per grassroots organisation added after the first six (45 × 7 = 315 in all).</summary>
    public const int ExtraPeoplePerOrganization = 1;

    /// <summary>
    /// The current plan: 2026–2030 cloned from the built-in plan as an administrator would (PlanRules.Clone, the logic of
    /// ClonePlan), its interim round's deadline set months after today so a clerk can send a dossier at once, and its rating
    /// years the years completed before that deadline. Returns that open round.
    /// </summary>
    private static async Task<Round> AddCurrentPlanAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var source = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Rounds).Include(p => p.Categories).Include(p => p.Criteria).Include(p => p.ReportingPeriods)
            .AsSplitQuery().SingleAsync(p => p.Code == BuiltInPlans.Plan2021To2025Code, cancellationToken);
        var plan = PlanRules.Clone(source, CurrentPlanCode,
            "Kế hoạch xây dựng, tuyên dương, nhân rộng và khen thưởng những gương tập thể, cá nhân điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2026 - 2030",
            5);
        plan.Basis = null;
        var interim = plan.Rounds.Single(r => r.Kind == RoundKind.Interim);
        var today = VietnamTime.Today(clock);
        interim.GrassrootsDeadline = today.AddMonths(4);
        interim.CeremonyDate = interim.GrassrootsDeadline.AddDays(50);
        interim.CeremonyOccasion = null;
        interim.LastRatingYear = Math.Max(2025, Math.Min(interim.LastRatingYear, interim.GrassrootsDeadline.Year - 1));
        interim.FirstRatingYear = Math.Min(interim.FirstRatingYear, interim.LastRatingYear);
        interim.MinExcellentYears = Math.Min(interim.MinExcellentYears, interim.LastRatingYear - interim.FirstRatingYear + 1);
        var final = plan.Rounds.Single(r => r.Kind == RoundKind.Final);
        if (final.GrassrootsDeadline <= interim.GrassrootsDeadline)
        {
            final.GrassrootsDeadline = interim.GrassrootsDeadline.AddYears(2);
            final.CeremonyDate = final.GrassrootsDeadline.AddDays(50);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return interim;
    }

    /// <summary>The 2025 annual reports of ten units (CS006–CS015: eight on time, two late), so the tracker has something to show.</summary>
    private static async Task AddReportsAsync(AppDbContext db, List<Organization> grassroots, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.Where(p => p.Year == 2025 && p.Kind == Domain.Reports.ReportPeriodKind.Annual).FirstOrDefaultAsync(cancellationToken);
        if (period is null)
        {
            return;
        }

        for (var i = 5; i < Math.Min(15, grassroots.Count); i++)
        {
            var late = i >= 13;
            var day = late ? 23 : 15 + (i % 5);
            db.PeriodicReports.Add(new Domain.Reports.PeriodicReport
            {
                ReportingPeriodId = period.Id, OrganizationId = grassroots[i].Id, Status = Domain.Reports.ReportStatus.Submitted,
                Discovered = 2 + (i % 3), Nurtured = 1 + (i % 2), Nominated = i % 2, CommendedGrassroots = 3 + (i % 4), Pledges = 1 + (i % 3), PledgeResults = i % 3,
                Narrative = $"Năm 2025, {grassroots[i].Name} tiếp tục gắn việc xây dựng gương điển hình với phong trào thi đua yêu nước; "
                    + "phát hiện, bồi dưỡng các tập thể, cá nhân tiêu biểu, tổ chức học tập, làm theo các gương đã được Đảng ủy Khối tuyên dương.",
                SubmittedAtUtc = new DateTime(2025, 12, day, 2, 0, 0, DateTimeKind.Utc), SubmittedBy = "demo", UpdatedAtUtc = new DateTime(2025, 12, day, 2, 0, 0, DateTimeKind.Utc),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
