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
    /// <summary>A party member's rating as saved, with what the saving warns about (saved anyway, ADR 026).</summary>
    public sealed record PersonRatingSaved(int Year, Rating? Rating, int? Score, IReadOnlyList<string> Warnings, RatingQuality.Warning? ExcellentShare);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, ExcellentShares shares)
    {
        /// <summary>
        /// The rating form: <paramref name="seen"/> is what the page showed of the person's ratings. The 100-point score is
        /// kept for the years whose regulation scores (366-QĐ/TW, from 2025); a score out of 0–100 or for an earlier year is
        /// refused with nothing saved. Saved, the answer carries the warnings (ADR 026): a score in another level's points,
        /// and the person's grassroots organisation over the 20 % cap on excellent ratings that year.
        /// </summary>
        public async Task<Result<PersonRatingSaved>> ForPerson(int personId, int year, Rating? rating, int? score, string? seen, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            return RatingSlots.Decode(seen) is { } slots
                ? await WritePerson(personId, year, rating, score, slots, versionSent: true, cancellationToken)
                : Common.Versions.Required;
        }

        /// <summary>
        /// The API's write of one year: <paramref name="version"/> is the version of that year's rating as read; none means
        /// the caller saw no rating that year (a new one), and is refused (428) when there is one.
        /// </summary>
        public async Task<Result<PersonRatingSaved>> ForPersonYear(int personId, int year, Rating? rating, int? score, Guid? version, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            var slots = RatingSlots.Decode(version is { } v && v != Guid.Empty ? RatingSlots.Encode([(RatingSlots.Key(year), v)]) : RatingSlots.None)!;
            return await WritePerson(personId, year, rating, score, slots, versionSent: version is { } sent && sent != Guid.Empty, cancellationToken);
        }

        private async Task<Result<PersonRatingSaved>> WritePerson(int personId, int year, Rating? rating, int? score, RatingSlots slots, bool versionSent, CancellationToken cancellationToken)
        {
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

            if (RatingScores.Validate(year, score, rating) is { } scoreError)
            {
                return scoreError;
            }

            var existing = person.Ratings.SingleOrDefault(x => x.Year == year);
            if (existing is not null && !versionSent)
            {
                return Common.Versions.Required;
            }

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
                person.Ratings.Add(new PersonRating { Year = year, Rating = rating.Value, Score = score });
            }
            else
            {
                existing.Rating = rating.Value;
                existing.Score = score;
                existing.Version = Guid.NewGuid();
            }

            var saved = await Save(year, cancellationToken);
            if (!saved.IsSuccess)
            {
                return Result<PersonRatingSaved>.Failure(saved.Errors);
            }

            var touched = await shares.TouchedAsync([(person.OrganizationId, year)], cancellationToken);
            var over = await shares.ExceededAsync("/", null, touched, cancellationToken);
            var share = over.Select(RatingQuality.Warning.Of).FirstOrDefault();
            List<string> warnings = [];
            if (RatingScores.Disagreement(year, score, rating) is { } disagreement)
            {
                warnings.Add(disagreement);
            }

            if (share is not null)
            {
                warnings.Add(share.Message);
            }

            return new PersonRatingSaved(year, rating, rating is null ? null : score, warnings, share);
        }

        public async Task<Result<bool>> ForCollective(int organizationId, int year, CollectiveBody body, Rating? rating, string? seen, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            return RatingSlots.Decode(seen) is { } slots
                ? await WriteCollective(organizationId, year, body, rating, slots, versionSent: true, cancellationToken)
                : Common.Versions.Required;
        }

        /// <summary>
        /// The API's write of one year and body of a collective: <paramref name="version"/> is the version of that rating as
        /// read; none means the caller saw no rating there (a new one), and is refused (428) when there is one.
        /// </summary>
        public async Task<Result<bool>> ForCollectiveYear(int organizationId, int year, CollectiveBody body, Rating? rating, Guid? version, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            var slots = RatingSlots.Decode(version is { } v && v != Guid.Empty ? RatingSlots.Encode([(RatingSlots.Key(year, body), v)]) : RatingSlots.None)!;
            return await WriteCollective(organizationId, year, body, rating, slots, versionSent: version is { } sent && sent != Guid.Empty, cancellationToken);
        }

        private async Task<Result<bool>> WriteCollective(int organizationId, int year, CollectiveBody body, Rating? rating, RatingSlots slots, bool versionSent, CancellationToken cancellationToken)
        {
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
            if (existing is not null && !versionSent)
            {
                return Common.Versions.Required;
            }

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
