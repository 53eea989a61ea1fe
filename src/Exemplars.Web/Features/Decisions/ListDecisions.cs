using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;

namespace Exemplars.Web.Features.Decisions;

/// <summary>The decisions registry, newest first, with how many awards or forwarded candidates each carries.</summary>
public static class ListDecisions
{
    public sealed record Row(int Id, string Number, DocumentType Type, string Title, DateOnly Date, string Signer, int Awards, int Forwarded);

    /// <summary>The columns the registry can be sorted by (number, date, title); the default is the newest number first.</summary>
    public static readonly string[] SortKeys = ["so", "ngay", "trich-yeu"];

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public Task<Result<Paged<Row>>> Handle(int? year, int page, CancellationToken cancellationToken) => Handle(year, page, null, false, cancellationToken);

        public async Task<Result<Paged<Row>>> Handle(int? year, int page, string? sort, bool descending, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanSee(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Vai trò của đồng chí không xem sổ quyết định.");
            }

            // Commendation decisions and proposals; the bloc's periodic reports are in the register, not in this list.
            var decisions = db.Decisions.Where(d => d.Type != DocumentType.Report);
            if (year is { } y)
            {
                decisions = decisions.Where(d => d.Year == y);
            }

            decisions = (sort, descending) switch
            {
                ("so", false) => decisions.OrderBy(d => d.Year).ThenBy(d => d.Number).ThenBy(d => d.Id),
                ("ngay", false) => decisions.OrderBy(d => d.Date).ThenBy(d => d.Id),
                ("ngay", true) => decisions.OrderByDescending(d => d.Date).ThenByDescending(d => d.Id),
                ("trich-yeu", false) => decisions.OrderBy(d => d.Title).ThenBy(d => d.Id),
                ("trich-yeu", true) => decisions.OrderByDescending(d => d.Title).ThenBy(d => d.Id),
                _ => decisions.OrderByDescending(d => d.Year).ThenByDescending(d => d.Number).ThenByDescending(d => d.Id),
            };
            var paged = await decisions
                .Select(d => new { d.Id, d.Number, d.Type, d.Issuer, d.Title, d.Date, d.Signer, Awards = d.Awards.Count, Forwarded = db.Nominations.Count(n => n.ForwardedInDecisionId == d.Id) })
                .ToPagedAsync(new PageRequest(page), cancellationToken);
            return new Paged<Row>(paged.Items.Select(d => new Row(d.Id, DocumentNumber.Format(d.Number, d.Type, d.Issuer), d.Type, d.Title, d.Date, d.Signer, d.Awards, d.Forwarded)).ToList(), paged.Total, paged.Page, paged.PageSize);
        }
    }
}
