using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Features.Ballots;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Decisions;

/// <summary>
/// Registers a numbered decision (Quyết định) or submission (Tờ trình) of the bloc: the number is the next of that issuer's
/// type in the term of the document's date (<see cref="Issuers.DocumentRegister.IssueAsync{T}"/>); each listed nomination becomes an award in its nominee's history.
/// </summary>
public static class IssueDecision
{
    public sealed record Command(DocumentType Type, string? Issuer, string? Title, DateOnly Date, string? Signer, string? AwardType, IReadOnlyList<int>? NominationIds, string? Round = null);

    public sealed class Handler(AppDbContext db, CurrentUser user, GetSelection.Handler selection, Documents.DocumentSettings settings, Webhooks.WebhookOutbox webhooks)
    {
        public async Task<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận vào sổ quyết định.");
            }

            var errors = new List<DomainError>();
            // None named: the issuer of the round's plan, else the configured default issuer.
            var planIssuer = string.IsNullOrWhiteSpace(command.Round) ? null
                : await db.Rounds.Where(r => r.Code == command.Round.Trim()).Join(db.Plans, r => r.PlanId, p => p.Id, (r, p) => p.IssuerSymbol).FirstOrDefaultAsync(cancellationToken);
            var issuer = string.IsNullOrWhiteSpace(command.Issuer) ? planIssuer ?? settings.Bloc.Symbol : command.Issuer.Trim();
            if (DocumentNumber.ValidateIssuer(issuer) is { } issuerError)
            {
                errors.Add(issuerError);
            }

            if (!Enum.IsDefined(command.Type) || command.Type == DocumentType.Report)
            {
                errors.Add(DomainError.Invalid("Type", "Loại văn bản không hợp lệ."));
            }

            if (string.IsNullOrWhiteSpace(command.Title) || string.IsNullOrWhiteSpace(command.Signer))
            {
                errors.Add(DomainError.Invalid("Title", "Hãy ghi trích yếu và người ký."));
            }
            else if (command.Title.Trim().Length > 500 || command.Signer.Trim().Length > 150)
            {
                errors.Add(DomainError.Invalid("Title", "Trích yếu tối đa 500 ký tự, tên người ký tối đa 150 ký tự."));
            }

            if (command.AwardType?.Trim().Length > 300)
            {
                errors.Add(DomainError.Invalid("AwardType", "Hình thức khen thưởng tối đa 300 ký tự."));
            }

            var ids = command.NominationIds?.Distinct().ToList() ?? [];
            var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
            int? roundId = command.Round is null ? null : await db.Rounds.Where(r => r.Code == command.Round).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (nominations.Count != ids.Count || (roundId is { } listedRound && nominations.Any(n => n.RoundId != listedRound)))
            {
                errors.Add(DomainError.Rule("nominations_not_in_round", "Có hồ sơ không tìm thấy hoặc không thuộc đợt đã chọn.", "NominationIds"));
            }
            else if (Enum.IsDefined(command.Type))
            {
                errors.AddRange(await CheckListAsync(command.Type, nominations, cancellationToken));
            }

            roundId ??= nominations.Select(n => n.RoundId).Distinct().Count() == 1 ? nominations[0].RoundId : null;
            if (command.Type == DocumentType.Decision && (ids.Count == 0 || string.IsNullOrWhiteSpace(command.AwardType)))
            {
                errors.Add(DomainError.Invalid("AwardType", "Quyết định khen thưởng phải có hình thức khen thưởng và danh sách được khen."));
            }

            if (errors.Count > 0)
            {
                return Result<string>.Failure(errors);
            }

            // The next number of the register, the awards and the Tờ trình's forwarding in one transaction; on a number
            // taken at the same moment the nominations are read again and the next number taken.
            return await Issuers.DocumentRegister.IssueAsync<string>(db, async (attempt, ct) =>
            {
                if (attempt > 0)
                {
                    nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToListAsync(ct);
                }

                var terms = await db.Set<IssuerTerm>().Where(t => db.Set<Issuer>().Any(i => i.Id == t.IssuerId && i.Symbol == issuer)).Select(t => t.StartsOn).ToListAsync(ct);
                var term = DocumentNumber.TermKey(terms, command.Date);
                var number = await Issuers.DocumentRegister.NextNumberAsync(db, issuer, command.Type, term, ct);
                var decision = new Decision
                {
                    Issuer = issuer, Year = command.Date.Year, Term = term, Number = number, Type = command.Type, Title = command.Title!.Trim(),
                    Date = command.Date, Signer = command.Signer!.Trim(), RoundId = roundId, CreatedBy = user.Email,
                    Awards = command.Type == DocumentType.Decision
                        ? nominations.Select(n => new Award
                        {
                            NominationId = n.Id, RecipientName = n.NomineeName, AwardType = command.AwardType!.Trim(),
                            PersonId = n.Kind == NomineeKind.Individual ? n.PersonId : null,
                            OrganizationId = n.Kind == NomineeKind.Collective ? n.CollectiveId : null,
                        }).ToList()
                        : [],
                };
                db.Decisions.Add(decision);
                await db.SaveChangesAsync(ct);
                if (command.Type == DocumentType.Submission)
                {
                    // A Tờ trình with a list sends those candidates up: the province viewers see them from now on.
                    var refused = nominations.SelectMany(n => n.ProposeToProvince(decision.Id).Errors).ToList();
                    if (refused.Count > 0)
                    {
                        return Result<string>.Failure(refused); // the transaction is disposed uncommitted: nothing is saved
                    }

                    await db.SaveChangesAsync(ct);
                }

                webhooks.Add(db, Domain.Integration.WebhookRules.DecisionIssued, new
                {
                    decisionId = decision.Id, type = decision.Type.ToString(), number = decision.DocumentNumber, title = decision.Title, date = decision.Date,
                    signer = decision.Signer, nominationIds = nominations.Select(n => n.Id),
                });
                await db.SaveChangesAsync(ct);
                return decision.DocumentNumber;
            }, cancellationToken);
        }

        /// <summary>
        /// A Quyết định lists only candidates the ballot passed, each awarded once; a Tờ trình only candidates on the
        /// round's province list (the selection after run-offs and written overrides) not yet sent up.
        /// </summary>
        private async Task<List<DomainError>> CheckListAsync(DocumentType type, List<Nomination> nominations, CancellationToken cancellationToken)
        {
            var errors = new List<DomainError>();
            if (nominations.Count == 0)
            {
                return errors;
            }

            if (type == DocumentType.Decision)
            {
                var notPassed = nominations.Where(n => !NominationStateMachine.WasCommendedByBallot(n.Status)).Select(n => $"{n.NomineeName} ({n.Status.Label()})").ToList();
                if (notPassed.Count > 0)
                {
                    errors.Add(DomainError.Rule("not_commended", $"Quyết định khen thưởng chỉ gồm người được Ban Thường vụ bầu chọn; không đưa vào được: {string.Join(", ", notPassed)}."));
                }

                var ids = nominations.Select(n => (int?)n.Id).ToList();
                var awarded = await db.Awards.Where(a => ids.Contains(a.NominationId)).Select(a => a.RecipientName).Distinct().ToListAsync(cancellationToken);
                if (awarded.Count > 0)
                {
                    errors.Add(DomainError.Conflict("already_awarded", $"Đã có quyết định khen thưởng cho: {string.Join(", ", awarded)}."));
                }

                return errors;
            }

            var forwarded = nominations.Where(n => n.ForwardedInDecisionId is not null || NominationStateMachine.WasProposedToProvince(n.Status)).ToList();
            if (forwarded.Count > 0)
            {
                errors.Add(DomainError.Conflict("already_forwarded", $"Đã được đề nghị lên cấp trên trong một tờ trình khác: {string.Join(", ", forwarded.Select(n => n.NomineeName))}."));
                return errors;
            }

            var roundIds = nominations.Select(n => n.RoundId).Distinct().ToList();
            if (roundIds.Count > 1)
            {
                errors.Add(DomainError.Invalid("NominationIds", "Một tờ trình chỉ gồm hồ sơ của một đợt."));
                return errors;
            }

            var roundCode = await db.Rounds.Where(r => r.Id == roundIds[0]).Select(r => r.Code).SingleAsync(cancellationToken);
            var selected = await selection.Handle(roundCode, cancellationToken);
            var onList = selected.IsSuccess ? selected.Value.Selection.ToProvince.Select(c => c.NominationId).ToHashSet() : [];
            var outside = nominations.Where(n => n.Status != NominationStatus.Commended || !onList.Contains(n.Id)).Select(n => n.NomineeName).ToList();
            if (outside.Count > 0)
            {
                errors.Add(DomainError.Rule("not_on_province_list", $"Tờ trình chỉ gồm người trong danh sách đề nghị cấp trên của đợt {roundCode}; không có trong danh sách: {string.Join(", ", outside)}."));
            }

            return errors;
        }
    }
}
