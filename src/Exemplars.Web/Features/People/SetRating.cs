using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>Record, change or clear (null) a yearly rating of a person or of a collective's party or mass organisation.</summary>
public static class SetRating
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<bool>> ForPerson(int personId, int year, Rating? rating, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            var person = await db.People.InScopeOf(user).Include(p => p.Ratings).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
            if (person is null)
            {
                return DomainError.NotFound("Không tìm thấy người này.");
            }

            if (!person.IsPartyMember)
            {
                return DomainError.Rule("not_party_member", "Chỉ đảng viên mới có xếp loại chất lượng hằng năm.");
            }

            if (PersonRules.ValidateRatingYear(year, person.PartyJoinYear, VietnamTime.Today(clock)) is { } error)
            {
                return error;
            }

            if (rating is { } r && !Enum.IsDefined(r))
            {
                return DomainError.Invalid("Rating", "Xếp loại không hợp lệ.");
            }

            var existing = person.Ratings.SingleOrDefault(x => x.Year == year);
            if (rating is null)
            {
                if (existing is not null)
                {
                    person.Ratings.Remove(existing);
                }
            }
            else if (existing is null)
            {
                person.Ratings.Add(new PersonRating { Year = year, Rating = rating.Value });
            }
            else
            {
                existing.Rating = rating.Value;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        public async Task<Result<bool>> ForCollective(int organizationId, int year, CollectiveBody body, Rating? rating, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            if (!await db.Organizations.InScopeOf(user).AnyAsync(o => o.Id == organizationId, cancellationToken))
            {
                return DomainError.NotFound("Không tìm thấy tổ chức.");
            }

            if (PersonRules.ValidateRatingYear(year, null, VietnamTime.Today(clock)) is { } error)
            {
                return error;
            }

            if (!Enum.IsDefined(body) || (rating is { } r && !Enum.IsDefined(r)))
            {
                return DomainError.Invalid("Rating", "Xếp loại không hợp lệ.");
            }

            var existing = await db.CollectiveRatings.SingleOrDefaultAsync(x => x.OrganizationId == organizationId && x.Year == year && x.Body == body, cancellationToken);
            if (rating is null)
            {
                if (existing is not null)
                {
                    db.CollectiveRatings.Remove(existing);
                }
            }
            else if (existing is null)
            {
                db.CollectiveRatings.Add(new CollectiveRating { OrganizationId = organizationId, Year = year, Body = body, Rating = rating.Value });
            }
            else
            {
                existing.Rating = rating.Value;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
