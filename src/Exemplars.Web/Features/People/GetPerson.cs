using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

public static class GetPerson
{
    public sealed record Details(
        int Id, string Code, string FullName, DateOnly? BirthDate, Gender? Gender, string? Ethnicity, string? Position,
        int OrganizationId, string OrganizationName, bool IsPartyMember, int? PartyJoinYear, bool IsLeader,
        int? LedOrganizationId, string? LedOrganizationName, string? FieldCategoryCode, Guid Version,
        IReadOnlyList<YearRating> Ratings, IReadOnlyList<Discipline> Disciplines);

    /// <summary>A yearly rating; <see cref="Score"/> is the optional 100-point score (366-QĐ/TW, from 2025).</summary>
    public sealed record YearRating(int Year, Rating Rating, int? Score, Guid Version);

    public sealed record Discipline(int Id, int Year, string Form, string? Note);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<Details>> Handle(int id, CancellationToken cancellationToken)
        {
            var person = await db.People.InScopeOf(user).AsNoTracking()
                .Where(p => p.Id == id)
                .Select(p => new Details(
                    p.Id, p.Code, p.FullName, p.BirthDate, p.Gender, p.Ethnicity, p.Position, p.OrganizationId, p.Organization!.Name,
                    p.IsPartyMember, p.PartyJoinYear, p.IsLeader, p.LedOrganizationId, p.LedOrganization == null ? null : p.LedOrganization.Name,
                    p.FieldCategoryCode, p.Version,
                    p.Ratings.OrderBy(r => r.Year).Select(r => new YearRating(r.Year, r.Rating, r.Score, r.Version)).ToList(),
                    p.Disciplines.OrderBy(d => d.Year).Select(d => new Discipline(d.Id, d.Year, d.Form, d.Note)).ToList()))
                .SingleOrDefaultAsync(cancellationToken);
            return person is null ? DomainError.NotFound("Không tìm thấy người này.") : person;
        }
    }
}
