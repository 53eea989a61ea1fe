using Exemplars.Domain.Ceremonies;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ceremonies;

/// <summary>
/// Plans the ceremony of a Quyết định: date, time, place and programme (prefilled from the round — its ceremony date
/// and occasion, e.g. 19/5 — and the decision), and its invitation list built from the decision, in one save.
/// </summary>
public static class CreateCeremony
{
    /// <param name="StartsAt">"08:00", Viet Nam time.</param>
    public sealed record Command(int DecisionId, string? Title, string? Occasion, DateOnly Date, TimeOnly StartsAt, string? Place, string? Programme, int? SeatsPerRow);

    /// <summary>The decision the ceremony honours, as the form names it.</summary>
    public sealed record DecisionFacts(int Id, string Number, DateOnly Date, string Title, string RoundCode, int Awards, int Ceremonies);

    public sealed record Prefilled(DecisionFacts Decision, Command Draft);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, Issuers.IssuerDirectory.Handler issuers)
    {
        public async Task<Result<Prefilled>> Prefill(int decisionId, CancellationToken cancellationToken)
        {
            if (!CeremonyAccess.CanManage(user))
            {
                return CeremonyAccess.NotManager;
            }

            var row = await (from d in db.Decisions
                             where d.Id == decisionId && d.Type == DocumentType.Decision
                             join r in db.Rounds on d.RoundId equals r.Id
                             select new { d.Id, d.Number, d.Type, d.Issuer, d.Date, d.Title, r.Code, r.ReviewFromYear, r.ReviewToYear, r.Kind, r.CeremonyDate, r.CeremonyOccasion, Awards = d.Awards.Count })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return DomainError.NotFound("Không tìm thấy quyết định khen thưởng của một đợt bình xét.");
            }

            var ceremonies = await db.Set<Ceremony>().CountAsync(c => c.DecisionId == decisionId, cancellationToken);
            var number = DocumentNumber.Format(row.Number, row.Type, row.Issuer);
            var names = Domain.Documents.OrganNames.Of(await issuers.BySymbol(row.Issuer, cancellationToken));
            var review = row.Kind == Domain.Plans.RoundKind.Final ? "tổng kết" : "sơ kết";
            var period = $"giai đoạn {row.ReviewFromYear} - {row.ReviewToYear}";
            var title = $"Hội nghị {review} và tuyên dương, khen thưởng gương tập thể, cá nhân điển hình tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh {period}";
            var draft = new Command(decisionId, title, row.CeremonyOccasion, row.CeremonyDate, new TimeOnly(8, 0), null,
                string.Join('\n', DefaultProgramme(review, period, number, row.Date, names.SigningOrgan)), SeatingPlan.DefaultSeatsPerRow);
            return new Prefilled(new DecisionFacts(row.Id, number, row.Date, row.Title, row.Code, row.Awards, ceremonies), draft);
        }

        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var prefill = await Prefill(command.DecisionId, cancellationToken);
            if (!prefill.IsSuccess)
            {
                return Result<int>.Failure(prefill.Errors);
            }

            if (prefill.Value.Decision.Awards == 0)
            {
                return DomainError.Rule("no_awards", "Quyết định này chưa khen thưởng tập thể, cá nhân nào nên chưa có ai để mời.", "DecisionId");
            }

            var roundId = await db.Decisions.Where(d => d.Id == command.DecisionId).Select(d => d.RoundId!.Value).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var planned = Ceremony.Plan(roundId, command.DecisionId,
                new Ceremony.Details(command.Title, command.Occasion, command.Date, command.StartsAt, command.Place, command.Programme, command.SeatsPerRow ?? SeatingPlan.DefaultSeatsPerRow),
                user.Email, now);
            if (!planned.IsSuccess)
            {
                return Result<int>.Failure(planned.Errors);
            }

            var ceremony = planned.Value;
            ceremony.SyncGuests(await BuildInvitationList.LoadAsync(db, command.DecisionId, cancellationToken), now);
            db.Add(ceremony);
            await db.SaveChangesAsync(cancellationToken);
            return ceremony.Id;
        }
    }

    /// <summary>
    /// The usual order of a commendation meeting; the secretariat edits it freely. Hướng dẫn 2974/HD-BTĐKT could not be
    /// read (ADR 027), so this follows common practice: the award is presented to the awardees in person, exchange of
    /// experience among the exemplars, the leader's speech.
    /// </summary>
    public static IReadOnlyList<string> DefaultProgramme(string review, string period, string decisionNumber, DateOnly decisionDate, string signingOrgan) =>
    [
        "Chào cờ (Quốc ca, Quốc tế ca)",
        "Tuyên bố lý do, giới thiệu đại biểu",
        $"Báo cáo {review} việc xây dựng, tuyên dương, nhân rộng và khen thưởng gương tập thể, cá nhân điển hình tiêu biểu {period}",
        "Giao lưu, trao đổi kinh nghiệm của các gương tập thể, cá nhân điển hình tiêu biểu",
        $"Công bố Quyết định số {decisionNumber}, ngày {PartyDate.Numeric(decisionDate)} của {signingOrgan}",
        "Trao khen thưởng cho các tập thể, cá nhân điển hình tiêu biểu (tập thể trước, cá nhân sau, theo thứ tự trong Quyết định)",
        "Phát biểu của đại diện các gương điển hình tiêu biểu",
        "Phát biểu chỉ đạo của lãnh đạo cấp ủy",
        "Bế mạc",
    ];
}
