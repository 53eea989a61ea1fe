namespace Exemplars.TierGen;

/// <summary>Vietnamese names of people and host units, in realistic proportions (about four in ten people are Nguyễn).</summary>
internal static class Names
{
    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 50), ("Huỳnh", 40), ("Phan", 45), ("Vũ", 40), ("Võ", 35),
        ("Đặng", 20), ("Bùi", 20), ("Đỗ", 15), ("Hồ", 15), ("Ngô", 15), ("Dương", 10), ("Lý", 5), ("Trương", 10), ("Đinh", 8),
        ("Lâm", 5), ("Mai", 5), ("Tô", 3), ("Hà", 4), ("Đoàn", 5), ("Lương", 3), ("Trịnh", 4), ("Cao", 3), ("Châu", 2),
    ];

    private static readonly string[] FamilyPool = FamilyNames.SelectMany(f => Enumerable.Repeat(f.Name, f.Weight)).ToArray();
    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Minh", "Đức", "Quốc", "Thanh", "Hữu", "Công", "Ngọc", "Xuân", "Đình", "Quang", "Anh", "Hoàng"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị Thu", "Thị Ngọc", "Thị Hồng", "Thùy", "Thanh", "Ngọc", "Thị Minh", "Thị Kim", "Bảo", "Phương"];
    private static readonly string[] MaleGiven = ["Hùng", "Dũng", "Tuấn", "Phúc", "Sơn", "Bảo", "Khánh", "Nam", "Hải", "Long", "Thắng", "Trung", "Cường", "Hiếu", "Huy", "Minh", "Quân", "Thành", "Tùng", "Vinh", "Đạt", "Lộc", "Tài", "Tâm", "Phong", "Hòa", "Kiên", "Nghĩa", "Toàn", "Việt"];
    private static readonly string[] FemaleGiven = ["Hà", "Lan", "Mai", "Hương", "Ngọc", "Trang", "Linh", "Thảo", "Yến", "Nhung", "Vân", "Hạnh", "Hằng", "Huyền", "Loan", "Nga", "Oanh", "Phương", "Quyên", "Thủy", "Trinh", "Uyên", "Xuân", "Anh", "Chi", "Dung", "Giang", "Liên", "My", "Tuyết"];
    private static readonly HashSet<string> FemaleGivenSet = [.. FemaleGiven];
    private static readonly string[] Positions = ["Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Trưởng phòng", "Phó Trưởng phòng", "Kế toán viên", "Cán bộ kỹ thuật", "Nhân viên", "Nhân viên", "Kỹ sư", "Giáo viên", "Bác sĩ", "Điều dưỡng", "Công nhân"];
    private static readonly string[] Agencies = ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Chi cục Thuế khu vực", "Kho bạc Nhà nước khu vực", "Ban Quản lý dự án đầu tư xây dựng", "Trung tâm Y tế", "Bệnh viện Đa khoa khu vực", "Trường Trung học phổ thông", "Trường Cao đẳng Kỹ thuật", "Trung tâm Phục vụ hành chính công", "Ban Quản lý Khu kinh tế", "Văn phòng Đăng ký đất đai"];
    private static readonly string[] Places = ["Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức", "Đức Phổ", "Ba Tơ", "Minh Long", "Sơn Hà", "Sơn Tây", "Trà Bồng", "Lý Sơn", "Hòa Bình", "Tân Phú", "An Nhơn", "Phú Mỹ", "Quảng Phú", "Trà Câu", "Nghĩa Lộ", "Chánh Lộ", "Dung Quất", "Tịnh Phong", "Sa Huỳnh", "Thạch Trụ"];
    private static readonly string[] Businesses = ["Xây dựng", "Thương mại", "Vận tải", "Thực phẩm", "Dệt may", "Cơ khí", "Dược phẩm", "Du lịch", "Môi trường đô thị", "Công nghệ thông tin", "Nông sản", "Thủy sản", "Chế biến gỗ", "Điện tử", "Vật liệu xây dựng", "Đầu tư phát triển", "Cấp nước", "Xuất nhập khẩu"];
    private static readonly string[] Brands = ["Hưng Phát", "Thành Công", "Sao Mai", "Hoàng Long", "Trường Thịnh", "Biển Xanh", "Phú Thịnh", "An Phát", "Đại Việt", "Tân Tiến", "Việt Hưng", "Hòa Bình", "Phước Lộc", "Đông Á", "Nam Việt", "Bình Minh", "Kim Long", "Hải Đăng", "Thiên Ân", "Minh Phát", "Quang Trung", "Sông Trà", "Thiên Bút", "Ấn Sơn"];
    private static readonly string[] AgencyCells = ["Chi bộ Văn phòng", "Chi bộ Phòng Kế hoạch – Tài chính", "Chi bộ Phòng Nghiệp vụ"];
    private static readonly string[] EnterpriseCells = ["Chi bộ Văn phòng Công ty", "Chi bộ Phân xưởng Sản xuất", "Chi bộ Phòng Kinh doanh"];
    private static readonly string[] Categories = ["3.2.1", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.5"];

    public static (string FullName, bool Female) Person(Random random)
    {
        var female = random.Next(2) == 0;
        var family = FamilyPool[random.Next(FamilyPool.Length)];
        var middle = female ? FemaleMiddle[random.Next(FemaleMiddle.Length)] : MaleMiddle[random.Next(MaleMiddle.Length)];
        var given = female ? FemaleGiven[random.Next(FemaleGiven.Length)] : MaleGiven[random.Next(MaleGiven.Length)];
        return ($"{family} {middle} {given}", female);
    }

    public static bool IsFemale(string fullName) => FemaleGivenSet.Contains(fullName[(fullName.LastIndexOf(' ') + 1)..]);

    /// <summary>A host unit's name and host type: six in ten state agencies, two state enterprises, two private.</summary>
    public static (string Unit, string Host) HostUnit(Random random)
    {
        var place = Places[random.Next(Places.Length)];
        return random.Next(10) switch
        {
            < 6 => ($"{Agencies[random.Next(Agencies.Length)]} {place}", "StateAgency"),
            < 8 => ($"Công ty TNHH MTV {Businesses[random.Next(Businesses.Length)]} {place}", "StateEnterprise"),
            _ => ($"Công ty Cổ phần {Businesses[random.Next(Businesses.Length)]} {Brands[random.Next(Brands.Length)]}", "PrivateEnterprise"),
        };
    }

    public static string[] Cells(string host) => host == "StateAgency" ? AgencyCells : EnterpriseCells;

    public static string Position(Random random) => Positions[random.Next(Positions.Length)];

    public static string LeaderPosition(Random random) => random.Next(2) == 0 ? "Giám đốc" : "Bí thư Đảng ủy";

    public static string Ethnicity(Random random) => random.Next(100) switch
    {
        < 90 => "Kinh",
        < 95 => "Hrê",
        < 97 => "Cor",
        < 99 => "Ca Dong",
        _ => "Hoa",
    };

    public static string FieldCategory(Random random) => Categories[random.Next(Categories.Length)];

    /// <summary>A yearly rating; <paramref name="strength"/> 0–99 fixed per person (three in ten are strong).</summary>
    public static string Rating(Random random, int strength)
    {
        var roll = random.Next(100);
        return strength switch
        {
            < 30 => roll < 75 ? "Excellent" : "Good",
            < 85 => roll < 20 ? "Excellent" : roll < 90 ? "Good" : "Completed",
            _ => roll < 40 ? "Good" : roll < 92 ? "Completed" : "NotCompleted",
        };
    }
}
