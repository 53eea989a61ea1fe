using System.Text.Json;
using Exemplars.Web.Features.Dashboard;
using Exemplars.Web.Pages.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Pages.Dashboard;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Http.KeptResponses.Policy)]
public sealed class IndexModel(RoundDashboard.Handler dashboard, Features.Plans.ChooseRound.Handler rounds) : PageModel
{
    /// <summary>One chart and the table beside it. <paramref name="Of"/> is the whole the shares are taken of.</summary>
    public sealed record Chart(string Id, string Title, string Kind, string Header, string Note, int Of, IReadOnlyList<RoundDashboard.Slice> Slices)
    {
        public string LabelsJson => JsonSerializer.Serialize(Slices.Select(s => s.Label));

        public string CountsJson => JsonSerializer.Serialize(Slices.Select(s => s.Count));

        public string Share(int count) => Of == 0 ? "–" : (100.0 * count / Of).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";
    }

    [BindProperty(SupportsGet = true)]
    public string? Round { get; set; }

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    public RoundDashboard.Response? Result { get; private set; }

    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var choice = await rounds.Handle(Round, ct);
        Rounds = choice.Codes;
        Round = string.IsNullOrWhiteSpace(Round) ? choice.Code : Round.Trim();
        var result = await dashboard.Handle(Round, ct);
        if (!result.IsSuccess)
        {
            return this.Handle(result.Errors) ?? Page();
        }

        var r = result.Value;
        Result = r;
        Charts =
        [
            new("status", "Hồ sơ theo trạng thái", "bar", "Trạng thái", "Mọi hồ sơ của đợt, kể cả hồ sơ đã rút.", r.Total, r.ByStatus),
            new("timeliness", "Đúng hạn và nộp muộn", "doughnut", "Thời điểm gửi", $"Theo lần gửi đầu tiên, so với hạn {r.Deadline:dd/MM/yyyy} (hết ngày, giờ Việt Nam) hoặc hạn được gia hạn của đơn vị; không tính hồ sơ đã rút.", r.Active, r.ByTimeliness),
            new("units", "Hồ sơ theo đơn vị đề nghị", "hbar", "Tổ chức cơ sở", $"{RoundDashboard.TopUnits} đơn vị có nhiều hồ sơ nhất, các đơn vị còn lại gộp chung; không tính hồ sơ đã rút.", r.Active, r.ByUnit),
            new("categories", "Hồ sơ theo nhóm đối tượng", "hbar", "Nhóm đối tượng, lĩnh vực", "Theo nhóm tiêu chí của kế hoạch; không tính hồ sơ đã rút.", r.Active, r.ByCategory),
            new("gender", "Cá nhân được đề nghị theo giới tính", "doughnut", "Giới tính", "Chỉ hồ sơ cá nhân, theo sổ theo dõi; không tính hồ sơ đã rút.", r.Individuals, r.ByGender),
            new("age", "Cá nhân được đề nghị theo độ tuổi", "bar", "Độ tuổi", $"Tuổi tròn tính đến hạn nộp {r.Deadline:dd/MM/yyyy}; chỉ hồ sơ cá nhân, không tính hồ sơ đã rút.", r.Individuals, r.ByAgeBand),
        ];
        return Page();
    }
}
