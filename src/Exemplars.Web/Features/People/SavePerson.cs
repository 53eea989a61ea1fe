using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.People;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.People;

/// <summary>Add a person to the registry or edit one. The organisation and the led collective must be in the caller's scope.</summary>
public static class SavePerson
{
    public sealed record Command(PersonDraft Draft, string OrganizationCode, string? LedOrganizationCode, Guid? Version = null);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(int? id, Command command, CancellationToken cancellationToken)
        {
            if (!RegistryAccess.CanWrite(user))
            {
                return RegistryAccess.Forbidden;
            }

            Person? person = null;
            if (id is { } existingId)
            {
                person = await db.People.InScopeOf(user).SingleOrDefaultAsync(p => p.Id == existingId, cancellationToken);
                if (person is null)
                {
                    return DomainError.NotFound("Không tìm thấy người này.");
                }

                if (Common.Versions.Check(command.Version, person.Version, "Thông tin người này vừa được người khác sửa. Hãy tải lại trang.") is { } refused)
                {
                    return refused;
                }
            }

            var errors = await Validate(command, person?.Id, cancellationToken);
            if (errors.Errors.Count > 0)
            {
                return Result<int>.Failure(errors.Errors);
            }

            person ??= db.People.Add(new Person()).Entity;
            Apply(person, command.Draft, errors.OrganizationId, errors.LedOrganizationId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Thông tin người này vừa được người khác sửa. Hãy tải lại trang.");
            }

            return person.Id;
        }

        internal static void Apply(Person person, PersonDraft draft, int organizationId, int? ledOrganizationId)
        {
            person.Code = draft.Code.Trim().ToUpperInvariant();
            person.FullName = draft.FullName.Trim();
            person.SearchName = VietnameseText.Fold(person.FullName + " " + person.Code);
            person.BirthDate = draft.BirthDate;
            person.Gender = draft.Gender;
            person.Ethnicity = Clean(draft.Ethnicity);
            person.Position = Clean(draft.Position);
            person.OrganizationId = organizationId;
            person.IsPartyMember = draft.IsPartyMember;
            person.PartyJoinYear = draft.PartyJoinYear;
            person.IsLeader = draft.IsLeader;
            person.LedOrganizationId = draft.IsLeader ? ledOrganizationId : null;
            person.FieldCategoryCode = Clean(draft.FieldCategoryCode);
            person.Version = Guid.NewGuid();
        }

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        private async Task<(List<DomainError> Errors, int OrganizationId, int? LedOrganizationId)> Validate(Command command, int? personId, CancellationToken cancellationToken)
        {
            var errors = PersonRules.Validate(command.Draft, VietnamTime.Today(clock));
            var code = command.Draft.Code?.Trim().ToUpperInvariant() ?? string.Empty;
            if (errors.Count == 0 && await db.People.AnyAsync(p => p.Code == code && p.Id != personId, cancellationToken))
            {
                // A record that exists, not a malformed request: 422 on the API (the form shows it on the field either way).
                errors.Add(DomainError.Rule("duplicate_code", $"Mã người {code} đã có trong sổ theo dõi.", nameof(PersonDraft.Code)));
            }

            var organizationCode = command.OrganizationCode?.Trim().ToUpperInvariant() ?? string.Empty;
            var organization = await db.Organizations.InScopeOf(user).Where(o => o.Code == organizationCode && o.IsActive)
                .Select(o => new { o.Id, o.Path }).SingleOrDefaultAsync(cancellationToken);
            if (organization is null)
            {
                errors.Add(DomainError.Invalid(nameof(Command.OrganizationCode), $"Không có tổ chức mã {organizationCode} trong phạm vi của đồng chí."));
            }

            int? ledId = null;
            if (command.Draft.IsLeader && !string.IsNullOrWhiteSpace(command.LedOrganizationCode))
            {
                var ledCode = command.LedOrganizationCode.Trim().ToUpperInvariant();
                var led = await db.Organizations.InScopeOf(user).Where(o => o.Code == ledCode).Select(o => new { o.Id, o.Path }).SingleOrDefaultAsync(cancellationToken);
                if (led is null)
                {
                    errors.Add(DomainError.Invalid(nameof(Command.LedOrganizationCode), $"Không có tập thể mã {ledCode} trong phạm vi của đồng chí."));
                }
                else if (organization is not null && !led.Path.StartsWith(organization.Path, StringComparison.Ordinal))
                {
                    errors.Add(DomainError.Invalid(nameof(Command.LedOrganizationCode), "Tập thể do người này lãnh đạo phải là tổ chức của người đó hoặc đơn vị trực thuộc."));
                }
                else
                {
                    ledId = led.Id;
                }
            }

            if (command.Draft.FieldCategoryCode is { Length: > 0 } field
                && !await db.Categories.AnyAsync(c => c.Code == field.Trim() && c.Kind == NomineeKind.Individual, cancellationToken))
            {
                errors.Add(DomainError.Invalid(nameof(PersonDraft.FieldCategoryCode), $"Lĩnh vực {field} không phải là đối tượng cá nhân trong kế hoạch."));
            }

            return (errors, organization?.Id ?? 0, ledId);
        }
    }
}
