using Exemplars.Domain.Ballots;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Users;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Pages.Ballots;

public sealed class IndexModel(ListBallots.Handler list, AppDbContext db, CurrentUser me) : PageModel
{
    public sealed record WaitingCandidate(int Id, string Name, string Kind, string Organization);

    public sealed record Member(string Email, string Name);

    public int PageNumber => Paging.PageQuery.Number(Request);

    [BindProperty(SupportsGet = true, Name = "round")]
    public string? Round { get; set; }

    public Paged<ListBallots.Row> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public IReadOnlyList<string> Rounds { get; private set; } = [];

    /// <summary>Verified candidates of the round not yet on a main ballot.</summary>
    public IReadOnlyList<WaitingCandidate> Waiting { get; private set; } = [];

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public bool CanRun => BallotAccess.CanRun(me);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!BallotAccess.CanSee(me))
        {
            return Forbid();
        }

        Result = await list.Handle(PageNumber, ct);
        Rounds = await db.Rounds.OrderByDescending(r => r.LastRatingYear).Select(r => r.Code).ToListAsync(ct);
        Round = Rounds.Contains(Round ?? string.Empty) ? Round : (Rounds.Count > 0 ? Rounds[0] : null);
        if (CanRun && Round is not null)
        {
            var roundId = await db.Rounds.Where(r => r.Code == Round).Select(r => r.Id).SingleAsync(ct);
            var balloted = from c in db.Set<BallotCandidate>()
                           join b in db.Ballots on c.BallotId equals b.Id
                           where b.RoundId == roundId && b.Kind == BallotKind.Main
                           select c.NominationId;
            var rows = await (from n in db.Nominations
                              join o in db.Organizations on n.OrganizationId equals o.Id
                              where n.RoundId == roundId && n.Status == NominationStatus.Verified && !balloted.Contains(n.Id)
                              orderby n.Kind, n.NomineeName
                              select new { n.Id, n.NomineeName, n.Kind, o.Name }).ToListAsync(ct);
            Waiting = rows.Select(r => new WaitingCandidate(r.Id, r.NomineeName, r.Kind.Label(), r.Name)).ToList();
            Members = await db.Users.Where(u => u.IsActive && u.Role == Roles.StandingCommittee && u.Organization!.Path.StartsWith(me.ScopePath))
                .OrderBy(u => u.Email).Select(u => new Member(u.Email!, u.FullName)).ToListAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? round, string? title, int[]? nominationIds, string[]? trustees, int? threshold, [FromServices] OpenBallot.Handler open, CancellationToken ct)
    {
        var result = await open.Handle(new OpenBallot.Command(round, title, nominationIds ?? [], null, trustees ?? [], threshold), ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Đã mở cuộc bỏ phiếu. Các thành viên Ban kiểm phiếu nhận mảnh khóa trên trang cuộc bỏ phiếu.";
            return Redirect($"/Ballots/Details/{result.Value}");
        }

        if (result.Errors[0].Kind == Domain.Common.ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Problems.AddTo(ModelState, result.Errors.Select(e => e with { Field = null }));
        Round = round;
        return await OnGetAsync(ct);
    }
}
