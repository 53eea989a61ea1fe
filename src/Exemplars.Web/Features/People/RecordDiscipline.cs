using Exemplars.Domain.Common;
using Exemplars.Domain.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>Records a disciplinary measure a person received, or removes one recorded by mistake.</summary>
public static class RecordDiscipline
{
    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Add(int personId, int year, string? form, string? note, CancellationToken cancellationToken)
        {
            var person = await Find(personId, cancellationToken);
            if (!person.IsSuccess)
            {
                return person;
            }

            if (PersonRules.ValidateRatingYear(year, null, VietnamTime.Today(clock)) is not null)
            {
                return DomainError.Invalid("Year", $"Năm kỷ luật {year} không hợp lệ.");
            }

            if (string.IsNullOrWhiteSpace(form) || form.Trim().Length > 200)
            {
                return DomainError.Invalid("Form", "Hãy ghi hình thức kỷ luật (ví dụ: Khiển trách, Cảnh cáo), tối đa 200 ký tự.");
            }

            var record = db.DisciplineRecords.Add(new DisciplineRecord { PersonId = personId, Year = year, Form = form.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 1000)] }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            return record.Id;
        }

        public async Task<Result<bool>> Remove(int personId, int recordId, CancellationToken cancellationToken)
        {
            var person = await Find(personId, cancellationToken);
            if (!person.IsSuccess)
            {
                return Result<bool>.Failure(person.Errors);
            }

            var record = await db.DisciplineRecords.SingleOrDefaultAsync(d => d.Id == recordId && d.PersonId == personId, cancellationToken);
            if (record is null)
            {
                return DomainError.NotFound("Không tìm thấy bản ghi kỷ luật.");
            }

            db.DisciplineRecords.Remove(record);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        private async Task<Result<int>> Find(int personId, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            return await db.People.InScopeOf(user).AnyAsync(p => p.Id == personId, cancellationToken)
                ? personId
                : DomainError.NotFound("Không tìm thấy người này.");
        }
    }
}
