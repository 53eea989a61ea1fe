namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>What the README's run command prints once the app listens: where to open it and how to sign in.</summary>
public static class DemoBanner
{
    public static string Text(ICollection<string> urls) => $"""

        ============================================================
         Exemplars – chế độ trình diễn (demo)
         Mở trình duyệt: {string.Join(", ", urls)}
         Mật khẩu mọi tài khoản demo: {DemoSeeder.Password}
           admin@demo.vn            Quản trị hệ thống
           tgdv@demo.vn             Ban Tuyên giáo – Dân vận
           btv1@demo.vn … btv9@demo.vn  Ủy viên Ban Thường vụ
           coso1@demo.vn … coso5@demo.vn  Cán bộ cấp ủy cơ sở
           doankhoi@demo.vn, hoiccb@demo.vn  Cán bộ đoàn thể Khối
           chidoan1@demo.vn, chihoi1@demo.vn  Chi đoàn, chi hội cơ sở
           tinhuy@demo.vn           Cán bộ Tỉnh ủy (chỉ xem)
        ============================================================
        """;
}
