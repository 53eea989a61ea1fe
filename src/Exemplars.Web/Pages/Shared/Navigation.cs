using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;

namespace Exemplars.Web.Pages.Layout;

/// <summary>
/// The main menu, grouped by task: each item names the page it opens and the roles that may open it (none listed: every
/// signed-in user). The layout draws it; the breadcrumbs of a page outside the menu start from the item of its folder.
/// </summary>
public static class Navigation
{
    public sealed record Item(string Title, string Page, params string[] Roles)
    {
        public bool IsFor(CurrentUser user) => Roles.Length == 0 || user.IsAnyOf(Roles);
    }

    public sealed record Group(string Title, IReadOnlyList<Item> Items)
    {
        public IReadOnlyList<Item> For(CurrentUser user) => Items.Where(i => i.IsFor(user)).ToList();
    }

    private static readonly string[] Office = [Roles.Secretariat, Roles.Admin];

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("Hồ sơ",
        [
            new("Hồ sơ đề nghị", "/Nominations/Index"),
            new("Gợi ý người, tập thể đủ điều kiện", "/Eligibility/Suggestions"),
            new("Phát hiện, bồi dưỡng", "/Discovery/Index"),
            new("Khen thưởng cấp cơ sở", "/Commendations/Index", Roles.GrassrootsClerk, Roles.Secretariat, Roles.StandingCommittee, Roles.Admin, Roles.ProvinceViewer),
            new("Sổ theo dõi", "/People/Index"),
            new("Chất lượng dữ liệu xếp loại", "/People/RatingQuality", Roles.GrassrootsClerk, Roles.Secretariat, Roles.Admin),
            new("Tổ chức", "/Organizations/Index"),
        ]),
        new("Xét chọn",
        [
            new("Kế hoạch, đợt bình xét", "/Plans/Index"),
            new("Tiến độ các đơn vị", "/Review/Tracker", Office),
            new("Ý kiến góp ý", "/PublicComments/Comments", Office),
            new("Bỏ phiếu", "/Ballots/Index", Roles.Secretariat, Roles.StandingCommittee, Roles.Admin),
            new("Quyết định, tờ trình", "/Decisions/Index", Roles.Secretariat, Roles.StandingCommittee, Roles.Admin),
            new("Lễ tuyên dương", "/Ceremonies/Index", Roles.Secretariat, Roles.StandingCommittee, Roles.Admin, Roles.GrassrootsClerk),
            new("Lấy ý kiến công khai", "/PublicComments/Candidates"),
        ]),
        new("Gương điển hình",
        [
            new("Gương điển hình", "/Showcase/Index"),
            new("Biên tập gương", "/Showcase/Manage", Office),
            new("Nhân rộng", "/Replication/Index"),
        ]),
        new("Báo cáo",
        [
            new("Báo cáo định kỳ", "/Reports/Index", Roles.GrassrootsClerk, Roles.Secretariat, Roles.StandingCommittee, Roles.Admin),
            new("Kế hoạch thực hiện của cơ sở", "/ImplementationPlans/Index", Roles.GrassrootsClerk, Roles.Secretariat, Roles.StandingCommittee, Roles.Admin, Roles.ProvinceViewer),
            new("Số liệu đợt bình xét", "/Dashboard/Index", Office),
            new("Thông báo", "/Notifications/Index"),
        ]),
        new("Quản trị",
        [
            new("Người dùng", "/Users/Index", Roles.Admin),
            new("Nhật ký thao tác", "/Audit/Index", Roles.Admin),
            new("Gửi sự kiện sang hệ thống khác", "/Webhooks/Index", Roles.Admin),
            new("Bảo mật đăng nhập", "/Users/Security", Roles.Admin),
        ]),
    ];

    /// <summary>Pages anyone may open without signing in.</summary>
    public static IReadOnlyList<Item> Public { get; } =
    [
        new("Gương điển hình", "/Showcase/Index"),
        new("Lấy ý kiến công khai", "/PublicComments/Candidates"),
        new("Đăng nhập", "/Account/Login"),
    ];

    /// <summary>Every menu item, in menu order.</summary>
    public static IEnumerable<Item> Items => Groups.SelectMany(g => g.Items);

    /// <summary>The menu item a page belongs to: itself, or the list of its folder (a detail page's parent).</summary>
    public static Item? ParentOf(string? page)
    {
        if (string.IsNullOrEmpty(page))
        {
            return null;
        }

        var folder = page[..page.LastIndexOf('/')];
        if (folder.Length == 0)
        {
            return null; // the home page, the error pages: outside every menu
        }

        return Items.FirstOrDefault(i => i.Page == page)
            ?? Items.FirstOrDefault(i => i.Page == folder + "/Index")
            ?? Items.FirstOrDefault(i => i.Page.StartsWith(folder + "/", StringComparison.Ordinal));
    }

    public static bool IsCurrent(Item item, string? page) => item.Page == page;
}
