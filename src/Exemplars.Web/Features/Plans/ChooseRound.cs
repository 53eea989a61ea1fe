using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Plans;

/// <summary>
/// The round picker of every page that works on one round: every round, current first, and the round to show — the
/// requested one when it exists, otherwise the open round (<see cref="RoundCalendar"/>). Rounds are reference data
/// every signed-in user may see.
/// </summary>
public static class ChooseRound
{
    public sealed record Choice(IReadOnlyList<Round> Rounds, Round? Selected)
    {
        public IReadOnlyList<string> Codes => Rounds.Select(r => r.Code).ToList();

        public string? Code => Selected?.Code;
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, KeptRounds kept)
    {
        public async Task<Choice> Handle(string? requested, CancellationToken cancellationToken)
        {
            var today = VietnamTime.Today(clock);
            var rounds = RoundCalendar.CurrentFirst(await kept.GetOrReadAsync(() => db.Rounds.AsNoTracking().ToListAsync(cancellationToken)), today);
            return new Choice(rounds, RoundCalendar.Choose(rounds, requested, today));
        }
    }
}
