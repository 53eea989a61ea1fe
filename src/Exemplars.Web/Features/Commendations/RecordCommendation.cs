using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.Programme;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Commendations;

/// <summary>
/// A grassroots clerk records a collective or individual its committee commended at its own review, with the decision:
/// a registry person or collective of the unit (so it can later be promoted to a nomination), or a name.
/// </summary>
public static class RecordCommendation
{
    public sealed record Command(NomineeKind Kind, int? PersonId, int? CollectiveId, string? Name, string? Achievements, string? Form, string? DecisionNumber, string? DecisionDate);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!CommendationAccess.CanRecord(user))
            {
                return CommendationAccess.Forbidden;
            }

            if (!Enum.IsDefined(command.Kind))
            {
                return DomainError.Invalid("Kind", "Đối tượng phải là tập thể hoặc cá nhân.");
            }

            var personId = command.Kind == NomineeKind.Individual ? command.PersonId : null;
            var collectiveId = command.Kind == NomineeKind.Collective ? command.CollectiveId : null;
            var errors = ProgrammeRules.ValidateCommendation(personId is not null || collectiveId is not null, command.Name, command.Achievements, command.Form,
                command.DecisionNumber, command.DecisionDate, VietnamTime.Today(clock)).ToList();
            var name = command.Name?.Trim();
            if (personId is { } pid)
            {
                name = await db.People.InScopeOf(user).Where(p => p.Id == pid).Select(p => p.FullName).SingleOrDefaultAsync(cancellationToken);
                if (name is null)
                {
                    errors.Add(DomainError.Invalid("PersonId", "Không có người này trong sổ theo dõi của đơn vị."));
                }
            }
            else if (collectiveId is { } cid)
            {
                name = await db.Organizations.InScopeOf(user).Where(o => o.Id == cid && (o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit))
                    .Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
                if (name is null)
                {
                    errors.Add(DomainError.Invalid("CollectiveId", "Tập thể phải là đơn vị mình hoặc một đơn vị trực thuộc."));
                }
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var record = new GrassrootsCommendation
            {
                OrganizationId = user.OrganizationId, Kind = command.Kind, PersonId = personId, CollectiveId = collectiveId, Name = name!, SearchName = VietnameseText.Fold(name!),
                Achievements = command.Achievements!.Trim(), Form = command.Form!.Trim(), DecisionNumber = command.DecisionNumber!.Trim(),
                DecisionDate = ProgrammeRules.ParseDate(command.DecisionDate)!.Value, RecordedBy = user.Email, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.GrassrootsCommendations.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return record.Id;
        }
    }
}
