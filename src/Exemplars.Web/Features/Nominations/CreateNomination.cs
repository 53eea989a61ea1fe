using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Web.Features.Organizations;
using Exemplars.Web.Features.People;
using Exemplars.Web.Features.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>
/// A grassroots clerk opens a dossier in a round for a person or collective of their own registry — possibly promoting
/// one of the unit's own commendations (<see cref="Command.FromCommendation"/>): the dossier then starts with its
/// achievements and the commendation received, and the commendation points to the dossier.
/// </summary>
public static class CreateNomination
{
    public sealed record Command(string? Round, NomineeKind Kind, int? PersonId, int? CollectiveId, string? Category, bool? BusinessLeader = null, int? FromCommendation = null);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("lập hồ sơ đề nghị");
            }

            var context = await RoundContext.LoadAsync(db, command.Round, cancellationToken);
            if (!context.IsSuccess)
            {
                return Result<int>.Failure(context.Errors);
            }

            var facts = new EligibilityFacts(command.Kind, command.Category?.Trim() ?? string.Empty);
            if (EligibilityEngine.ValidateCategory(facts, context.Value.Categories) is { } categoryError)
            {
                return categoryError;
            }

            if (EnterpriseBranch.Required(command.Kind, facts.CategoryCode) && command.BusinessLeader is null)
            {
                return DomainError.Invalid("BusinessLeader", "Mục 3.2.1: hãy chọn cá nhân là doanh nhân, người đứng đầu doanh nghiệp hay không phải.");
            }

            string name;
            int nomineeId;
            int owner;
            if (command.Kind == NomineeKind.Individual)
            {
                var person = command.PersonId is { } pid
                    ? await db.People.InScopeOf(user).Where(p => p.Id == pid && p.IsActive).Select(p => new { p.Id, p.FullName, p.OrganizationId, p.Organization!.Path }).SingleOrDefaultAsync(cancellationToken)
                    : null;
                if (person is null)
                {
                    return DomainError.Invalid("PersonId", "Hãy chọn một người trong sổ theo dõi của đơn vị.");
                }

                (name, nomineeId) = (person.FullName, person.Id);
                owner = await OwnerOf(person.Path, cancellationToken);
            }
            else
            {
                var collective = command.CollectiveId is { } cid
                    ? await db.Organizations.InScopeOf(user).Where(o => o.Id == cid && o.IsActive && (o.Kind == OrganizationKind.Grassroots || o.Kind == OrganizationKind.SubUnit))
                        .Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(cancellationToken)
                    : null;
                if (collective is null)
                {
                    return DomainError.Invalid("CollectiveId", "Hãy chọn tập thể là tổ chức cơ sở hoặc đơn vị trực thuộc của đơn vị.");
                }

                (name, nomineeId) = (collective.Name, collective.Id);
                owner = await OwnerOf(collective.Path, cancellationToken);
            }

            Domain.Programme.GrassrootsCommendation? commendation = null;
            if (command.FromCommendation is { } commendationId)
            {
                commendation = await Commendations.CommendationAccess.Visible(db, user).SingleOrDefaultAsync(c => c.Id == commendationId, cancellationToken);
                var same = commendation is not null && commendation.Kind == command.Kind
                    && (command.Kind == NomineeKind.Individual ? commendation.PersonId == nomineeId : commendation.CollectiveId == nomineeId);
                if (!same)
                {
                    return DomainError.Rule("commendation_mismatch", "Khen thưởng cấp cơ sở được chọn không phải của người, tập thể này.", "FromCommendation");
                }

                if (commendation!.NominationId is not null)
                {
                    return DomainError.Rule("commendation_promoted", "Khen thưởng này đã được dùng để lập một hồ sơ đề nghị khác.", "FromCommendation");
                }
            }

            var key = Nomination.KeyOf(command.Kind, nomineeId);
            var roundId = context.Value.Round.Id;
            var earlier = await db.Nominations.Where(n => n.RoundId == roundId && n.NomineeKey == key).Select(n => n.Status).ToListAsync(cancellationToken);
            if (NominationStateMachine.CanNominateAgain(name, context.Value.Round.Code, earlier) is { } again)
            {
                return again;
            }

            var nomination = new Nomination
            {
                RoundId = roundId, OrganizationId = owner, Kind = command.Kind, NomineeKey = key, NomineeName = name,
                PersonId = command.Kind == NomineeKind.Individual ? nomineeId : null,
                CollectiveId = command.Kind == NomineeKind.Collective ? nomineeId : null,
                CategoryCode = facts.CategoryCode, BusinessLeader = EnterpriseBranch.Required(command.Kind, facts.CategoryCode) ? command.BusinessLeader : null, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            if (commendation is not null)
            {
                var unit = await db.Organizations.Where(o => o.Id == commendation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
                nomination.Summary = commendation.Achievements;
                nomination.CommendationsReceived = commendation.Describe(unit) + ".";
            }

            db.Nominations.Add(nomination);
            var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
            round.CriteriaFrozen = true; // from now on a criterion edit makes a new version (PlanRules.EditCriterion)
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                if (commendation is not null)
                {
                    // The dossier's key is known only now: the link is a second save in the same transaction.
                    commendation.NominationId = nomination.Id;
                    commendation.Version = Guid.NewGuid();
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return DomainError.Conflict("already_nominated", $"{name} đã được đề nghị trong đợt {context.Value.Round.Code}.");
            }

            return nomination.Id;
        }

        /// <summary>The grassroots organisation a nominee belongs to (the nominee's own unit, or the unit above a sub-unit).</summary>
        private async Task<int> OwnerOf(string path, CancellationToken cancellationToken)
        {
            var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            return await db.Organizations.Where(o => ids.Contains(o.Id) && o.Kind == OrganizationKind.Grassroots).Select(o => o.Id).FirstAsync(cancellationToken);
        }
    }
}
