using Exemplars.Domain.Ballots;
using Exemplars.Domain.Documents;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Ceremonies;
using Exemplars.Web.Features.Decisions;
using Exemplars.Web.Features.Discovery;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Eligibility;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Features.PublicComments;
using Exemplars.Web.Features.Replication;
using Exemplars.Web.Features.Reports;
using Exemplars.Web.Features.Review;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// One example body for each request type of the API, written as instances of the real types (so a renamed or retyped
/// field breaks the build, not the document), shown in the OpenAPI document by <see cref="ApiDocumentation"/>. The
/// values read like a real round of the 2026–2030 term; ids and versions are illustrative. <c>OpenApiExampleTests</c> sends
/// each one and expects no 400.
/// </summary>
public static class ApiExamples
{
    private static readonly Guid Version = new("3f2c8a91-5d0e-4b7a-9c61-2e8d4f0b7a15");
    private const string Round = "2026-2028";

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(EvaluateEligibility.Request)] = new EvaluateEligibility.Request(Round, new EvaluateEligibility.NomineeInput(
            Kind: "Individual", Category: "3.2.5", PartyMember: true, PartyJoinYear: 2012, Leader: false,
            Ratings: new() { ["2026"] = "Excellent" }, DisciplineYears: [], FamilyLawAttested: true, Collective: null)),
        [typeof(Features.Plans.PlansApi.ThresholdsBody)] = new Features.Plans.PlansApi.ThresholdsBody(QuorumNumerator: 2, QuorumDenominator: 3, ApprovalNumerator: 1, ApprovalDenominator: 2, Version),
        [typeof(Features.Plans.PlansApi.IssueBody)] = new Features.Plans.PlansApi.IssueBody("12-KH/ĐUK", "05/03/2026", Version),
        [typeof(Features.Plans.PlansApi.RoundBody)] = new Features.Plans.PlansApi.RoundBody(
            "Đợt bình xét giai đoạn 2026 - 2028", FirstRatingYear: 2026, LastRatingYear: 2028, MinExcellentYears: 2, ReviewFromYear: 2026, ReviewToYear: 2028,
            GrassrootsDeadline: new DateOnly(2029, 3, 31), CeremonyDate: new DateOnly(2029, 5, 19), CeremonyOccasion: "nhân kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh",
            QuotaCollectives: 5, QuotaIndividuals: 10, Version),
        [typeof(Features.Issuers.IssuersApi.IssuerBody)] = new Features.Issuers.IssuersApi.IssuerBody(
            "ĐUCQĐ", "ĐẢNG BỘ THÀNH PHỐ", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG THÀNH PHỐ", "BAN THƯỜNG VỤ", "Ban Thường vụ Đảng ủy các cơ quan Đảng thành phố", "Hải Phòng",
            "Ban Thường vụ Thành ủy", "Đảng bộ các cơ quan Đảng thành phố", "Ban Tuyên giáo và Dân vận Thành ủy",
            DecisionRecipients: ["Như Điều 3", "Lưu Văn phòng Đảng ủy"], SubmissionRecipients: ["Ban Thường vụ Thành ủy", "Lưu Văn phòng Đảng ủy"],
            ReportRecipients: ["Ban Tuyên giáo và Dân vận Thành ủy", "Lưu Văn phòng Đảng ủy"],
            Officers: [new Features.Issuers.SaveIssuer.OfficerRow("Nguyễn Văn An", "Bí thư", new DateOnly(2025, 10, 1), Until: null, Signs: true)],
            Terms: [new Features.Issuers.SaveIssuer.TermRow("Nhiệm kỳ 2025 - 2030", new DateOnly(2025, 10, 1))], Version),
        [typeof(Features.Showcase.SaveStory.Command)] = new Features.Showcase.SaveStory.Command(1, "Người thầy thuốc tận tụy với bệnh nhân vùng khó khăn",
            "<p>Hơn 20 năm gắn bó với trạm y tế xã, đồng chí đã <strong>vận động 300 hộ dân</strong> tham gia bảo hiểm y tế.</p>", Approve: false, Version),
        [typeof(Features.Showcase.ShowcaseApi.ApproveBody)] = new Features.Showcase.ShowcaseApi.ApproveBody(Version),
        [typeof(Features.Showcase.ShowcaseApi.UnpublishBody)] = new Features.Showcase.ShowcaseApi.UnpublishBody("Đơn vị đề nghị cập nhật số liệu thành tích năm 2027 trước khi đăng lại.", Version),
        [typeof(OpenRunOff.Command)] = new OpenRunOff.Command(Round, [3, 4]),
        [typeof(NominationsApi.BranchBody)] = new NominationsApi.BranchBody(BusinessLeader: true, Version),
        [typeof(CreateNomination.Command)] = new CreateNomination.Command(Round, NomineeKind.Individual, PersonId: 1, CollectiveId: null, Category: "3.2.5"),
        [typeof(SaveDossier.Command)] = new SaveDossier.Command(
            Version, Summary: "Hoàn thành xuất sắc nhiệm vụ năm 2026; chủ trì sáng kiến rút ngắn thời gian giải quyết hồ sơ một cửa.",
            AchievementsByYear: "2026: Chiến sĩ thi đua cơ sở.", Initiatives: "Sáng kiến số hóa sổ theo dõi đảng viên (cấp cơ sở, 2026).",
            CommendationsReceived: "Giấy khen của Đảng ủy cơ sở năm 2026.", ReportHtml: "<p>Báo cáo thành tích <strong>tóm tắt</strong>.</p>",
            MinutesDate: new DateOnly(2027, 3, 15), MembersTotal: 9, MembersPresent: 8, VotesAgree: 7, VotesDisagree: 1, VotesAbstain: 0,
            FamilyLawAttested: true, IndeterminateExplanation: null),
        [typeof(NominationsApi.VersionBody)] = new NominationsApi.VersionBody(Version),
        [typeof(NominationsApi.ReturnBody)] = new NominationsApi.ReturnBody(Version, "Biên bản họp xét chưa có chữ ký của chủ trì; đề nghị bổ sung bản chụp có chữ ký."),
        [typeof(GrantExtension.Command)] = new GrantExtension.Command(Round, "CS005", new DateOnly(2027, 4, 20), "Đơn vị đang kiện toàn cấp ủy."),
        [typeof(ReviewApi.CheckBody)] = new ReviewApi.CheckBody("3.2.5.1", CheckResult.Pass, "Khớp với bản gốc lưu tại đơn vị."),
        [typeof(ReviewApi.AcceptBody)] = new ReviewApi.AcceptBody(Version),
        [typeof(OpenCommentPeriod.Command)] = new OpenCommentPeriod.Command(Round, new DateOnly(2027, 4, 10), new DateOnly(2027, 4, 20), [1]),
        [typeof(PostComment.Command)] = new PostComment.Command(1, "Trần Văn Bình", "0912 345 678", "Tôi công tác cùng đồng chí nhiều năm, xác nhận các thành tích nêu trong hồ sơ là đúng.", Website: null),
        [typeof(PublicCommentsApi.DecideBody)] = new PublicCommentsApi.DecideBody(CommentStatus.Accepted, "Đã xác minh với đơn vị; ý kiến phản ánh đúng."),
        [typeof(OpenBallot.Command)] = new OpenBallot.Command(Round, "Bỏ phiếu kín chọn điển hình tiêu biểu đợt 2026–2028", [1, 2]),
        [typeof(BallotsApi.VoteBody)] = new BallotsApi.VoteBody(new() { [1] = BallotChoice.Approve, [2] = BallotChoice.Disapprove }),
        [typeof(BallotsApi.ShareBody)] = new BallotsApi.ShareBody("mảnh khóa in trên phiếu giao cho thành viên Ban kiểm phiếu"),
        [typeof(OverrideSelection.Command)] = new OverrideSelection.Command(Round, 1, Include: true, "Thường trực thống nhất bổ sung do thành tích nổi bật được cấp trên ghi nhận."),
        [typeof(IssueDecision.Command)] = new IssueDecision.Command(DocumentType.Decision, Issuer: null, "Quyết định biểu dương điển hình tiêu biểu đợt 2026–2028",
            new DateOnly(2027, 5, 19), "Nguyễn Văn An", "Giấy khen", [1], Round),
        [typeof(DecisionsApi.OutcomeBody)] = new DecisionsApi.OutcomeBody(ProvinceOutcome.Commended, "Cấp trên đã biểu dương theo quyết định số 125, ngày 19/5/2027.", Version),
        [typeof(ReplicationApi.PledgeBody)] = new ReplicationApi.PledgeBody(1, "Áp dụng cách tổ chức sinh hoạt chi bộ chuyên đề theo mô hình của điển hình.", new DateOnly(2027, 12, 31)),
        [typeof(ReplicationApi.ResultBody)] = new ReplicationApi.ResultBody("Đã tổ chức 4 buổi sinh hoạt chuyên đề; tỷ lệ đảng viên tham dự tăng từ 85% lên 97%.", Version),
        [typeof(DiscoveredExemplars.Command)] = new DiscoveredExemplars.Command(NomineeKind.Individual, PersonId: null, "Lê Thị Hoa", "Chi bộ Phòng Kế toán",
            "Ba năm liền hoàn thành xuất sắc nhiệm vụ; đề xuất quy trình thu chi điện tử."),
        [typeof(DiscoveryApi.NurtureBody)] = new DiscoveryApi.NurtureBody("Giao chi bộ theo dõi, bồi dưỡng; báo cáo kết quả sau 6 tháng.", Version),
        [typeof(DiscoveryApi.SendBody)] = new DiscoveryApi.SendBody("Bí thư chi đoàn 3 năm liền; dẫn đầu phong trào sáng kiến của tuổi trẻ công ty (bổ sung theo ý kiến Đoàn cấp trên).", Version),
        [typeof(SyncPeople.Command)] = new SyncPeople.Command(false,
        [
            new SyncPeople.Row("DV-0912345", "Trần Thị Mai", new DateOnly(1985, 3, 12), Domain.People.Gender.Female, "Kinh", "Kế toán trưởng", "CS001", true, 2010, false, null, "3.2.5"),
        ]),
        [typeof(SyncRatings.Command)] = new SyncRatings.Command(false, [new SyncRatings.Row("DV-0912345", 2025, Domain.Eligibility.Rating.Good, 85)]),
        [typeof(SyncCollectiveRatings.Command)] = new SyncCollectiveRatings.Command(false,
            [new SyncCollectiveRatings.Row("CS001", Domain.People.CollectiveBody.PartyOrganisation, 2025, Domain.Eligibility.Rating.Excellent)]),
        [typeof(SyncOrganizations.Command)] = new SyncOrganizations.Command(false,
            [new SyncOrganizations.Row("CS001-CD", "Chi đoàn Sở Tài chính", Domain.Organizations.OrganizationKind.YouthUnionBranch, null, "CS001", "Số 2 đường Hùng Vương")]),
        [typeof(DiscoveryApi.ForwardBody)] = new DiscoveryApi.ForwardBody(Version),
        [typeof(DiscoveryApi.ReturnBody)] = new DiscoveryApi.ReturnBody("Đề nghị ghi rõ sáng kiến đã được công nhận (số, ngày quyết định) rồi gửi lại.", Version),
        [typeof(ReportsApi.PeriodBody)] = new ReportsApi.PeriodBody(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), new DateOnly(2027, 7, 10), Version),
        [typeof(Features.Plans.PlansApi.CloneBody)] = new Features.Plans.PlansApi.CloneBody("2031-2035",
            "Kế hoạch xây dựng, tuyên dương, nhân rộng và khen thưởng những gương tập thể, cá nhân điển hình tiêu biểu giai đoạn 2031 - 2035", IssuerSymbol: null),
        [typeof(Features.Plans.PlansApi.CriterionBody)] = new Features.Plans.PlansApi.CriterionBody("Có sáng kiến, giải pháp được cấp có thẩm quyền công nhận, áp dụng hiệu quả.", Version),
        [typeof(ReportsApi.SaveBody)] = new ReportsApi.SaveBody("Đơn vị đã biểu dương 3 điển hình tại hội nghị sơ kết 6 tháng.", Version),
        [typeof(Features.ImplementationPlans.RecordImplementationPlan.Command)] = new Features.ImplementationPlans.RecordImplementationPlan.Command("2026-2030", "12-KH/ĐU", "05/03/2026",
            "Phổ biến kế hoạch của cấp trên đến các chi bộ; mỗi chi bộ phát hiện ít nhất một gương điển hình mỗi năm; sơ kết vào tháng 12.", Version),
        [typeof(Features.ImplementationPlans.SetImplementationPlansDue.Command)] = new Features.ImplementationPlans.SetImplementationPlansDue.Command("31/03/2027", Version),
        [typeof(Features.Commendations.RecordCommendation.Command)] = new Features.Commendations.RecordCommendation.Command(NomineeKind.Collective, PersonId: null, CollectiveId: null,
            "Tổ Giao dịch khách hàng", "Dẫn đầu phong trào thi đua 6 tháng đầu năm; sáng kiến rút ngắn thời gian giải quyết hồ sơ của khách hàng.", "Giấy khen", "05-QĐ/ĐU", "15/07/2026"),
        [typeof(ReportsApi.SubmitBody)] = new ReportsApi.SubmitBody(Version),
        [typeof(ReportsApi.ReturnBody)] = new ReportsApi.ReturnBody("Số liệu điển hình được biểu dương chưa khớp với danh sách kèm theo.", Version),
        [typeof(ReportsApi.BlocBody)] = new ReportsApi.BlocBody("<p>Các đơn vị đã phát hiện 42 điển hình.</p>", "<p>Một số đơn vị nộp báo cáo chậm.</p>",
            "<p>Tiếp tục nhân rộng các mô hình hiệu quả.</p>", Version),
        [typeof(Features.People.PeopleApi.RatingBody)] = new Features.People.PeopleApi.RatingBody(2025, Rating.Good, 85, Version),
        [typeof(CreateCeremony.Command)] = new CreateCeremony.Command(1, "Hội nghị sơ kết và tuyên dương, khen thưởng gương tập thể, cá nhân điển hình tiêu biểu giai đoạn 2026 - 2028",
            "Kỷ niệm 138 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2028)", new DateOnly(2028, 5, 19), new TimeOnly(8, 0), "Hội trường cơ quan, tầng 3",
            "Chào cờ\nTuyên bố lý do, giới thiệu đại biểu\nCông bố Quyết định khen thưởng\nTrao khen thưởng\nBế mạc", 10),
        [typeof(EditCeremony.Command)] = new EditCeremony.Command("Hội nghị sơ kết và tuyên dương, khen thưởng gương tập thể, cá nhân điển hình tiêu biểu giai đoạn 2026 - 2028",
            "Kỷ niệm 138 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2028)", new DateOnly(2028, 5, 18), new TimeOnly(14, 0), "Hội trường lớn, tầng 1",
            "Chào cờ\nTuyên bố lý do, giới thiệu đại biểu\nCông bố Quyết định khen thưởng\nTrao khen thưởng\nBế mạc", 12, Version),
        [typeof(CeremoniesApi.VersionBody)] = new CeremoniesApi.VersionBody(Version),
        [typeof(AddGuest.Command)] = new AddGuest.Command(Domain.Ceremonies.GuestKind.Guest, "Nguyễn Thị Lan", "Phóng viên", "Báo địa phương", Version),
        [typeof(MarkAttendance.Command)] = new MarkAttendance.Command([new MarkAttendance.Mark(1, true), new MarkAttendance.Mark(2, false)], Version),
        [typeof(RecordCeremonyOutcome.HeldCommand)] = new RecordCeremonyOutcome.HeldCommand(new DateOnly(2028, 5, 19), Version),
        [typeof(RecordCeremonyOutcome.StoryCommand)] = new RecordCeremonyOutcome.StoryCommand("Tuyên dương 10 gương điển hình tiêu biểu giai đoạn 2026 - 2028",
            "<p>Sáng 19/5, hội nghị đã biểu dương các tập thể, cá nhân điển hình tiêu biểu.</p>", Publish: true, Version),
        [typeof(Microsoft.AspNetCore.Identity.Data.LoginRequest)] = new Microsoft.AspNetCore.Identity.Data.LoginRequest { Email = "canbo@donvi.vn", Password = "mat-khau-cua-dong-chi" },
        [typeof(Microsoft.AspNetCore.Identity.Data.RefreshRequest)] = new Microsoft.AspNetCore.Identity.Data.RefreshRequest { RefreshToken = "CfDJ8...refreshToken-nhận-khi-đăng-nhập" },
        [typeof(PeopleApi.PersonBody)] = new PeopleApi.PersonBody("DV-0987654", "Phạm Văn Hùng", new DateOnly(1988, 7, 21), Domain.People.Gender.Male, "Kinh", "Phó Trưởng phòng",
            "CS001", IsPartyMember: true, PartyJoinYear: 2014, IsLeader: false, LedOrganizationCode: null, FieldCategoryCode: "3.2.5", Version),
        [typeof(PeopleApi.DisciplineBody)] = new PeopleApi.DisciplineBody(2025, "Khiển trách", "Quyết định số 12-QĐ/ĐU ngày 15/10/2025."),
        [typeof(ImportPeople.Command)] = new ImportPeople.Command(
        [
            new ImportPeople.Row("DV-0876543", "Đỗ Thị Lan", new DateOnly(1990, 2, 5), Domain.People.Gender.Female, "Tày", "Chuyên viên", "CS001",
                IsPartyMember: true, PartyJoinYear: 2016, IsLeader: false, LedOrganizationCode: null, FieldCategoryCode: null, Version: null),
        ]),
        [typeof(ImportRatings.Command)] = new ImportRatings.Command(
        [
            new ImportRatings.Row("DV-0876543", Body: null, 2025, Rating.Good, 86, Version: null),
            new ImportRatings.Row("CS001", Domain.People.CollectiveBody.PartyOrganisation, 2025, Rating.Excellent, Score: null, Version: null),
        ]),
        [typeof(SaveOrganization.Command)] = new SaveOrganization.Command("CS001-CB2", "Chi bộ Phòng Kế hoạch", Domain.Organizations.OrganizationKind.SubUnit, null, "CS001",
            "Số 2 đường Hùng Vương", Version),
        [typeof(OrganizationsApi.CollectiveRatingBody)] = new OrganizationsApi.CollectiveRatingBody(2025, Domain.People.CollectiveBody.TradeUnion, Rating.Good, Version: null),
        [typeof(OrganizationsApi.ActiveBody)] = new OrganizationsApi.ActiveBody(Active: true, Version),
        [typeof(ImportOrganizations.Command)] = new ImportOrganizations.Command(
            [new ImportOrganizations.Row("CS001-CB3", "Chi bộ Phòng Tổ chức", Domain.Organizations.OrganizationKind.SubUnit, null, "CS001", "Số 2 đường Hùng Vương", Version: null)]),
        [typeof(Features.Users.CreateUser.Command)] = new Features.Users.CreateUser.Command("tranvanbinh@donvi.vn", "Trần Văn Bình", Domain.Users.Roles.GrassrootsClerk, "CS001", "Hoa ban nở trắng rừng Tây Bắc 2026!"),
        [typeof(Features.Users.UsersApi.ActiveBody)] = new Features.Users.UsersApi.ActiveBody(Active: false),
        [typeof(Features.Users.ImportUsers.Command)] = new Features.Users.ImportUsers.Command(
            [new Features.Users.ImportUsers.Row("lethithu@donvi.vn", "Lê Thị Thu", Domain.Users.Roles.GrassrootsClerk, "CS002", Password: null)]),
        [typeof(Features.Users.UsersApi.SecurityBody)] = new Features.Users.UsersApi.SecurityBody(RequireTwoFactorForStaff: false),
    };

    /// <summary>The example for a request type, if one is written.</summary>
    public static object? For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Examples.GetValueOrDefault(Nullable.GetUnderlyingType(type) ?? type);
    }

    /// <summary>The request types that have an example.</summary>
    public static IReadOnlyCollection<Type> Types => Examples.Keys;
}
