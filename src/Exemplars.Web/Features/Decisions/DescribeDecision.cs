using Exemplars.Domain.Common;
using Exemplars.Domain.Documents;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Decisions;

/// <summary>A decision's number, date, title and how many it commends: what a page names before it acts on the decision.</summary>
public static class DescribeDecision
{
    public sealed record Summary(int Id, string Number, DateOnly Date, string Title, int Awards);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Summary>> Handle(int id, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận tạo Giấy khen.");
            }

            var row = await db.Decisions.AsNoTracking().Where(d => d.Id == id)
                .Select(d => new { d.Id, d.Number, d.Type, d.Issuer, d.Date, d.Title, Awards = d.Awards.Count })
                .SingleOrDefaultAsync(cancellationToken);
            return row is null
                ? DomainError.NotFound("Không tìm thấy quyết định.")
                : new Summary(row.Id, DocumentNumber.Format(row.Number, row.Type, row.Issuer), row.Date, row.Title, row.Awards);
        }
    }
}
