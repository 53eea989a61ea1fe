using Exemplars.Domain.Common;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// The secretariat opens a run-off from the round's selection: over exactly one tie's candidates, referring to the
/// latest closed main ballot of the round, with the standing title. <see cref="OpenBallot"/> checks that the candidates
/// are a tie of this round and that no other run-off is open; the default trustees and threshold apply.
/// </summary>
public static class OpenRunOff
{
    public sealed record Command(string? Round, IReadOnlyList<int>? NominationIds);

    public sealed class Handler(GetSelection.Handler selection, OpenBallot.Handler open)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var round = command.Round;
            var current = await selection.Handle(round, cancellationToken);
            if (!current.IsSuccess)
            {
                return Result<int>.Failure(current.Errors);
            }

            return await open.Handle(new OpenBallot.Command(round, Title(round), command.NominationIds ?? [], current.Value.BallotId), cancellationToken);
        }
    }

    public static string Title(string? round) =>
        string.IsNullOrWhiteSpace(round) ? "Bỏ phiếu lại các trường hợp bằng phiếu" : $"Bỏ phiếu lại các trường hợp bằng phiếu (đợt {round.Trim()})";
}
