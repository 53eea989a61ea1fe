using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>
/// Record, change or clear (null) a yearly rating of a person or of a collective's party or mass organisation. The page
/// sends what it showed of the record's ratings (<see cref="RatingSlots"/>): a write to a year that someone rated, changed
/// or cleared since is refused (409), a write without it is refused (428) — ADR 012.
/// </summary>
public static class SetRating
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<bool>> ForPerson(int personId, int year, Rating? rating, string? seen, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            if (RatingSlots.Decode(seen) is not { } slots)
            {
                return Common.Versions.Required;
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
            if (!slots.StillAsSeen(RatingSlots.Key(year), existing?.Version))
            {
                return Stale(year);
            }

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
                existing.Version = Guid.NewGuid();
            }

            return await Save(year, cancellationToken);
        }

        public async Task<Result<bool>> ForCollective(int organizationId, int year, CollectiveBody body, Rating? rating, string? seen, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            if (RatingSlots.Decode(seen) is not { } slots)
            {
                return Common.Versions.Required;
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
            if (!slots.StillAsSeen(RatingSlots.Key(year, body), existing?.Version))
            {
                return Stale(year);
            }

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
                existing.Version = Guid.NewGuid();
            }

            return await Save(year, cancellationToken);
        }

        private static DomainError Stale(int year) => DomainError.Conflict(
            Common.Versions.StaleCode,
            $"Xếp loại năm {year} vừa được người khác ghi, sửa hoặc xóa. Hãy tải lại trang để xem xếp loại hiện tại rồi ghi lại.");

        /// <summary>A rating written, changed or removed by someone else between the reading and the saving is the same conflict.</summary>
        private async Task<Result<bool>> Save(int year, CancellationToken cancellationToken)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Stale(year);
            }
        }
    }
}
