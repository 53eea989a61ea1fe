using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Programme;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Demo;

/// <summary>
/// The grassroots side of the current plan on the day of seeding: implementation plans due two months ahead, recorded by
/// most units (not by CS001, the first demo clerk's, who can record one), and a few commendations each of the first ten
/// units gave at their own reviews in the last months.
/// </summary>
public static class DemoProgramme
{
    public static async Task SeedAsync(AppDbContext db, IReadOnlyList<Organization> grassroots, int planId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, cancellationToken);
        plan.ImplementationPlansDueOn = today.AddMonths(2);
        for (var i = 1; i < grassroots.Count; i++)
        {
            if (i % 4 == 3)
            {
                continue; // a quarter have not issued theirs yet
            }

            var issued = today.AddDays(-(10 + (i * 3 % 50)));
            db.ImplementationPlans.Add(new ImplementationPlan
            {
                PlanId = planId, OrganizationId = grassroots[i].Id, Number = $"{10 + i}-KH/ĐU", IssuedOn = issued,
                Summary = $"{grassroots[i].Name} phổ biến kế hoạch của cấp trên đến các chi bộ, đoàn thể; mỗi chi bộ phát hiện, bồi dưỡng ít nhất một gương điển hình mỗi năm; "
                    + "biểu dương, khen thưởng kịp thời tại hội nghị sơ kết cuối năm; báo cáo kết quả 6 tháng, năm đúng hạn.",
                RecordedBy = "demo", UpdatedAtUtc = now,
            });
        }

        string[] achievements =
        [
            "Hoàn thành xuất sắc nhiệm vụ năm; có sáng kiến rút ngắn thời gian giải quyết hồ sơ của người dân, doanh nghiệp.",
            "Gương mẫu, tận tụy; trực tiếp hướng dẫn đoàn viên trẻ; tham gia tích cực hoạt động thiện nguyện của đơn vị.",
        ];
        for (var i = 0; i < Math.Min(10, grassroots.Count); i++)
        {
            var prefix = grassroots[i].Path;
            var people = await db.People.Where(p => p.IsActive && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(prefix)))
                .OrderBy(p => p.Id).Take(2).Select(p => new { p.Id, p.FullName }).ToListAsync(cancellationToken);
            var decided = today.AddDays(-(20 + (i * 7)));
            for (var k = 0; k < people.Count; k++)
            {
                db.GrassrootsCommendations.Add(new GrassrootsCommendation
                {
                    OrganizationId = grassroots[i].Id, Kind = NomineeKind.Individual, PersonId = people[k].Id, Name = people[k].FullName, SearchName = VietnameseText.Fold(people[k].FullName),
                    Achievements = achievements[k % achievements.Length], Form = k == 0 ? "Giấy khen" : "Biểu dương", DecisionNumber = $"{30 + i}-QĐ/ĐU", DecisionDate = decided,
                    RecordedBy = "demo", RecordedAtUtc = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
