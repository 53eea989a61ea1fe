using Exemplars.Domain.Eligibility;

namespace Exemplars.Domain.Plans;

/// <summary>
/// The plans that ship with the application. The 2021–2025 plan reproduces docs/plan/ke-hoach-dien-hinh-2021-2025.md
/// verbatim (only markdown markup removed and sentences split by page breaks joined); BuiltInPlanTests checks it.
/// </summary>
public static class BuiltInPlans
{
    public const string Plan2021To2025Code = "2021-2025";

    /// <summary>A new object graph on every call, so callers may add it to a context or change it freely.</summary>
    public static Plan Plan2021To2025()
    {
        var plan = new Plan
        {
            Code = Plan2021To2025Code,
            Name = "Kế hoạch xây dựng, tuyên dương, nhân rộng và khen thưởng những gương tập thể, cá nhân điển hình tiêu biểu trong thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và chuyên đề toàn khóa nhiệm kỳ Đại hội XIII của Đảng “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc” giai đoạn 2021 - 2025",
            Basis = "Kế hoạch số 56-KH/TU, ngày 24/02/2022 của Ban Thường vụ Tỉnh ủy",
            IsBuiltIn = true,
            ImplementationPlansDueOn = new DateOnly(2022, 12, 31), // III.1.1: "Năm 2022: các cấp ủy cơ sở … xây dựng kế hoạch triển khai thực hiện"
            Phases =
            [
                new Phase { Number = 1, Name = "Giai đoạn 1: Từ năm 2021 - 2023", FromYear = 2021, ToYear = 2023 },
                new Phase { Number = 2, Name = "Giai đoạn 2: Từ năm 2023 - 2025", FromYear = 2023, ToYear = 2025 },
            ],
            Rounds =
            [
                new Round
                {
                    Code = "2021-2023", Name = "Sơ kết giai đoạn 2021 - 2023", Kind = RoundKind.Interim, PhaseNumber = 1,
                    FirstRatingYear = 2021, LastRatingYear = 2022, MinExcellentYears = 1, ReviewFromYear = 2021, ReviewToYear = 2023,
                    GrassrootsDeadline = new DateOnly(2023, 3, 30), CeremonyDate = new DateOnly(2023, 5, 19),
                    CeremonyOccasion = "Kỷ niệm 133 năm Ngày sinh nhật Bác (19/5/1890 - 19/5/2023)", QuotaCollectives = 5, QuotaIndividuals = 5,
                },
                new Round
                {
                    Code = "2021-2025", Name = "Tổng kết giai đoạn 2021 - 2025", Kind = RoundKind.Final, PhaseNumber = 2,
                    FirstRatingYear = 2021, LastRatingYear = 2024, MinExcellentYears = 2, ReviewFromYear = 2021, ReviewToYear = 2025,
                    GrassrootsDeadline = new DateOnly(2025, 3, 30), CeremonyDate = new DateOnly(2025, 5, 19),
                    CeremonyOccasion = "Kỷ niệm 135 năm Ngày sinh nhật Bác (19/5/1890 - 19/5/2025)", QuotaCollectives = 5, QuotaIndividuals = 5,
                },
            ],
        };

        plan.ReportingPeriods.AddRange(Reports.ReportSchedule.Default(2021, 2025));
        plan.Categories.Add(new NomineeCategory { Code = "3.1.1", Kind = NomineeKind.Collective, Title = "Đối các cơ quan, đơn vị hưởng lương từ ngân sách Nhà nước", SortOrder = 1 });
        plan.Categories.Add(new NomineeCategory { Code = "3.1.2", Kind = NomineeKind.Collective, Title = "Đối với doanh nghiệp Nhà nước và doanh nghiệp ngoài Nhà nước", SortOrder = 2 });
        plan.Categories.Add(new NomineeCategory { Code = "3.2.1", Kind = NomineeKind.Individual, Title = "Trong sản xuất - kinh doanh", SortOrder = 3 });
        plan.Categories.Add(new NomineeCategory { Code = "3.2.2", Kind = NomineeKind.Individual, Title = "Trong giáo dục - đào tạo", SortOrder = 4 });
        plan.Categories.Add(new NomineeCategory { Code = "3.2.3", Kind = NomineeKind.Individual, Title = "Trong lĩnh vực y tế, chăm sóc sức khỏe Nhân dân", SortOrder = 5 });
        plan.Categories.Add(new NomineeCategory { Code = "3.2.4", Kind = NomineeKind.Individual, Title = "Trong lĩnh vực văn hóa, thể thao", SortOrder = 6 });
        plan.Categories.Add(new NomineeCategory { Code = "3.2.5", Kind = NomineeKind.Individual, Title = "Trong các cơ quan hành chính Nhà nước, đơn vị sự nghiệp, tổ chức chính trị, chính trị - xã hội", SortOrder = 7 });

        Add(plan, CriterionScope.General, null, null, "2", "Là những tập thể, cá nhân, có thành tích tiêu biểu, xuất sắc, trong thực hiện nhiệm vụ được giao và học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, là những gương sáng trong lao động, học tập, công tác, hoạt động xã hội, mẫu mực trong sinh hoạt; là nhân tố nổi trội, dẫn đầu trong các phong trào thi đua, gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; có tinh thần tương thân tương ái; tích cực tham gia các hoạt động vì lợi ích chung, vì sự phát triển của cộng đồng, góp phần phát triển kinh tế - xã hội; đảm bảo an ninh chính trị, trật tự an toàn xã hội ở cơ quan, đơn vị, doanh nghiệp.");
        Add(plan, CriterionScope.Category, "3.1.1", null, "3.1.1.1", "Triển khai hiệu quả các phong trào thi đua, các cuộc vận động; thực hiện tốt công tác cải cách hành chính; giải quyết những vấn đề bức xúc, nổi cộm của người dân kịp thời; cơ quan, đơn vị đạt chuẩn văn hóa, chuẩn an toàn về an ninh trật tự; tổ chức đảng, các tổ chức đoàn thể xếp loại hoàn thành xuất sắc nhiệm vụ được giao trong thời gian bình xét.");
        Add(plan, CriterionScope.Category, "3.1.1", null, "3.1.1.2", "Triển khai thực hiện có hiệu quả công tác phòng, chống tham nhũng, tiêu cực, thực hành tiết kiệm, chống lãng phí; tích cực tham gia các hoạt động xã hội, từ thiện.");
        Add(plan, CriterionScope.Category, "3.1.1", null, "3.1.1.3", "Triển khai, thực hiện tốt việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc gắn với thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) và Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa” (gọi tắt là Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII); thực hiện tốt Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung.");
        Add(plan, CriterionScope.Category, "3.1.1", null, "3.1.1.4", "Có sáng kiến, cải tiến kỹ thuật; áp dụng tiến bộ khoa học kỹ thuật trong triển khai, thực hiện nhiệm vụ.");
        Add(plan, CriterionScope.Category, "3.1.2", null, "3.1.2.1", "Hoàn thành xuất sắc nhiệm vụ được giao hàng năm với nhiều cách làm hay, sáng tạo, hiệu quả; có sáng kiến, cải tiến kỹ thuật; áp dụng tiến bộ khoa học kỹ thuật mang lại hiệu quả kinh tế cao; đầu tư mở rộng ngành nghề kinh doanh; thực hiện tốt nghĩa vụ đóng góp ngân sách Nhà nước; đạt tiêu chuẩn về an toàn lao động; phòng chống cháy nổ, an ninh trật tự; thực hiện tốt các chế độ chính sách về bảo hiểm, giải quyết việc làm và phúc lợi cho người lao động. Thực hành tiết kiệm, chống tham nhũng, tiêu cực, chống lãng phí; tổ chức đảng, các tổ chức đoàn thể xếp loại hoàn thành xuất sắc nhiệm vụ trong thời gian bình xét.");
        Add(plan, CriterionScope.Category, "3.1.2", null, "3.1.2.2", "Triển khai, thực hiện tốt việc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc gắn với thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII.");
        Add(plan, CriterionScope.Category, "3.1.2", null, "3.1.2.3", "Hàng năm doanh nghiệp đạt chuẩn văn hóa; đoàn kết, dân chủ, giữ gìn, phát huy các giá trị truyền thống tốt đẹp của dân tộc. Tổ chức các phong trào thi đua thiết thực, hiệu quả, góp phần hoàn thành các tiêu chí về xây dựng nông thôn mới, đô thị văn minh. Không có người mắc các tệ nạn xã hội.");
        Add(plan, CriterionScope.Category, "3.1.2", null, "3.1.2.4", "Triển khai có hiệu quả phong trào thi đua gắn với thực hiện Chỉ thị số 05-CT/TW và chuyên đề toàn khóa nhiệm kỳ Đại hội XIII của Đảng “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc”. Xây dựng quy tắc ứng xử, chuẩn mực đạo đức và tổ chức đăng ký học tập, làm theo tư tưởng, đạo đức, phong cách của Bác tại tổ chức đảng, doanh nghiệp.");
        Add(plan, CriterionScope.Category, "3.2.1", "Đối với cá nhân là doanh nhân, người đứng đầu doanh nghiệp", "3.2.1.a.1", "Có nhiều thành tích xuất sắc trong đổi mới hoạt động sản xuất kinh doanh, có sáng kiến, cải tiến kỹ thuật, áp dụng tiến bộ khoa học kỹ thuật trong sản xuất mang lại hiệu quả kinh tế cao; tích cực đầu tư mở rộng ngành nghề kinh doanh, dịch vụ.");
        Add(plan, CriterionScope.Category, "3.2.1", "Đối với cá nhân là doanh nhân, người đứng đầu doanh nghiệp", "3.2.1.a.2", "Thực hiện tốt nghĩa vụ đóng góp ngân sách Nhà nước; các chỉ tiêu về doanh thu, thu nhập bình quân đầu người có sự tăng trưởng hàng năm.");
        Add(plan, CriterionScope.Category, "3.2.1", "Đối với cá nhân là doanh nhân, người đứng đầu doanh nghiệp", "3.2.1.a.3", "Bảo đảm an toàn lao động, phòng chống cháy nổ, an ninh trật tự, môi trường; thực hiện tốt các chế độ chính sách về bảo hiểm, giải quyết việc làm và phúc lợi cho người lao động; tích cực tham gia các hoạt động xã hội, từ thiện, góp phần vào sự phát triển kinh tế, xã hội của địa phương.");
        Add(plan, CriterionScope.Category, "3.2.1", "Đối với cá nhân không phải là doanh nhân, người đứng đầu doanh nghiệp", "3.2.1.b.1", "Hàng năm hoàn thành xuất sắc nhiệm vụ; có sáng kiến áp dụng hiệu quả trong sản xuất, kinh doanh, trong thực hiện nhiệm vụ được giao. gương mẫu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc gắn với thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng Khóa XIII.");
        Add(plan, CriterionScope.Category, "3.2.1", "Đối với cá nhân không phải là doanh nhân, người đứng đầu doanh nghiệp", "3.2.1.b.2", "Năng động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm. Không ngừng học tập, tu dưỡng, rèn luyện, trau dồi đạo đức cách mạng, tự giác nêu gương cần, kiệm, liêm, chính. Tích cực tham gia các phong trào thi đua, các cuộc vận động do các cấp, các ngành phát động.");
        Add(plan, CriterionScope.Category, "3.2.2", null, "3.2.2.1", "Hàng năm hoàn thành xuất sắc nhiệm vụ; có đề tài, sáng kiến, áp dụng hiệu quả trong thực hiện nhiệm vụ được giao; chủ động, tích cực, sáng tạo đưa việc học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc vào nội dung giảng dạy, giáo dục toàn diện của nhà trường.");
        Add(plan, CriterionScope.Category, "3.2.2", null, "3.2.2.2", "Có năng lực, tận tâm với nghề; là những gương tiêu biểu về đạo đức, phẩm chất, lối sống, gương mẫu cho học sinh học tập và noi theo.");
        Add(plan, CriterionScope.Category, "3.2.2", null, "3.2.2.3", "Đối với học sinh, sinh viên là những gương tiêu biểu ham học hỏi, nhất là những học sinh, sinh viên có hoàn cảnh khó khăn nỗ lực phấn đấu vươn lên trong học tập, đạt nhiều thành tích xuất sắc trong học tập.");
        Add(plan, CriterionScope.Category, "3.2.3", null, "3.2.3.1", "Hàng năm hoàn thành xuất sắc nhiệm vụ; có nhiều giải pháp đổi mới trong công tác quản lý; nâng cao chất lượng khám, chữa bệnh.");
        Add(plan, CriterionScope.Category, "3.2.3", null, "3.2.3.2", "Là những nhân tố tích cực, xuất sắc trong công tác phòng, chống dịch bệnh.");
        Add(plan, CriterionScope.Category, "3.2.3", null, "3.2.3.3", "Có đề tài, sáng kiến, áp dụng tiến bộ khoa học kỹ thuật vào công tác điều trị, chăm sóc sức khỏe cho người dân; tích cực hưởng ứng các phong trào thi đua, hoạt động xã hội ở cơ quan, đơn vị.");
        Add(plan, CriterionScope.Category, "3.2.4", null, "3.2.4.1", "Hàng năm hoàn thành xuất sắc nhiệm vụ; tác giả có tác phẩm hay, có giá trị nghệ thuật, có tác dụng động viên, khích lệ, nuôi dưỡng tâm hồn, tình cảm, nhân cách con người Việt Nam về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc.");
        Add(plan, CriterionScope.Category, "3.2.4", null, "3.2.4.2", "Là nghệ sỹ, diễn viên có đạo đức, lối sống tốt; thể hiện được tài năng, sức sáng tạo, lao động hết mình vì nghệ thuật và có nhiều đóng góp cho sự phát triển của tập thể, mang lại nhiều thành tích vẻ vang cho nghệ thuật tinh nhà; luôn tìm tòi, khám phá, sáng tạo trong nghệ thuật, có nhiều đóng góp tích cực cho việc giữ gìn và phát huy các giá trị di sản văn hóa dân tộc.");
        Add(plan, CriterionScope.Category, "3.2.4", null, "3.2.4.3", "Là huấn luyện viên, vận động viên tài năng, mẫu mực trong đạo đức, lối sống và công tác; nhiệt huyết với nghề; luôn vượt qua những khó khăn, thử thách trong quá trình huấn luyện, rèn luyện và tập luyện, mang vinh quang về cho quê hương, đất nước.");
        Add(plan, CriterionScope.Category, "3.2.5", null, "3.2.5.1", "Hàng năm hoàn thành xuất sắc nhiệm vụ; có tinh thần trách nhiệm cao, năng động, sáng tạo; đổi mới tác phong, lề lối làm việc; có sáng kiến áp dụng hiệu quả trong thực hiện nhiệm vụ được giao; gương mẫu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc gắn với thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng Khóa XIII.");
        Add(plan, CriterionScope.Category, "3.2.5", null, "3.2.5.2", "Không ngừng học tập, tu dưỡng, rèn luyện, trau dồi đạo đức cách mạng, tự giác nêu gương cần, kiệm, liêm, chính, lao động sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm, gắn bó máu thịt với nhân dân; thực hiện tốt Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung; Quy định số 37-QĐ/TW của Ban chấp hành Trung ương Đảng về những điều đảng viên không được làm, Chỉ thị số 27-CT/TU, Chỉ thị số 30-CT/TU và Chỉ thị số 40-CT/TU của Ban Thường vụ Tỉnh ủy (khóa XII).");
        Add(plan, CriterionScope.Category, "3.2.5", null, "3.2.5.3", "Là gương điển hình tiêu biểu trong thực hiện phong trào thi đua, các cuộc vận động tại cơ quan, đơn vị. Thực hiện tốt công tác phòng, chống tham nhũng, tiêu cực, tiết kiệm, chống lãng phí; thành viên trong gia đình không vi phạm pháp luật.");
        Add(plan, CriterionScope.Leader, null, null, "3.2.leader", "Đối với cá nhân giữ chức vụ lãnh đạo, quản lý trong các cơ quan, đơn vị, doanh nghiệp ngoài các tiêu chuẩn trên, phải là người luôn nêu cao trách nhiệm người đứng đầu trong việc tổ chức có hiệu quả công tác lãnh đạo, chỉ đạo, điều hành thực hiện tốt nhiệm vụ chính trị, của cơ quan, đơn vị, nhiệm vụ sản xuất, kinh doanh của doanh nghiệp; gắn tiêu chí điển hình cá nhân lãnh đạo với tiêu chí điển hình của tập thể (đã nêu tại mục 3.1 của Kế hoạch này).");
        Add(plan, CriterionScope.PartyMember, null, null, "3.2.party_member", "Nếu là đảng viên ngoài các tiêu chuẩn trên, hàng năm phải liên tục được đánh giá hoàn thành tốt nhiệm vụ trở lên, trong đó có ít nhất 01 năm (đối với khen thưởng sơ kết 3 năm) hoặc 02 năm (đối với khen thưởng tổng kết 5 năm) được công nhận là đảng viên hoàn thành xuất sắc nhiệm vụ.", PartyMemberYearlyRatingRule.Code);
        return plan;
    }

    private static void Add(Plan plan, CriterionScope scope, string? category, string? subGroup, string code, string text, string? checkedBy = null) =>
        plan.Criteria.Add(new Criterion
        {
            Scope = scope, CategoryCode = category, SubGroup = subGroup, Code = code, Text = text, CheckedByRule = checkedBy,
            SortOrder = plan.Criteria.Count + 1, Version = 1,
        });
}
