using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Eligibility;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Ballots;

/// <summary>
/// Registers a numbered decision (Quyết định) or submission (Tờ trình) of the bloc: the number is the next of that issuer
/// in that year; each listed nomination becomes an award in its nominee's history.
/// </summary>
public static class IssueDecision
{
    public sealed record Command(DocumentType Type, string? Issuer, string? Title, DateOnly Date, string? Signer, string? AwardType, IReadOnlyList<int>? NominationIds, string? Round = null);

    public sealed class Handler(AppDbContext db, CurrentUser user)
    {
        public async Task<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!BallotAccess.CanRun(user))
            {
                return new DomainError(ErrorKind.Forbidden, "forbidden_role", "Chỉ Ban Tuyên giáo – Dân vận vào sổ quyết định.");
            }

            var errors = new List<DomainError>();
            var issuer = command.Issuer?.Trim() ?? "ĐUK";
            if (DocumentNumber.ValidateIssuer(issuer) is { } issuerError)
            {
                errors.Add(issuerError);
            }

            if (!Enum.IsDefined(command.Type))
            {
                errors.Add(DomainError.Invalid("Type", "Loại văn bản không hợp lệ."));
            }

            if (string.IsNullOrWhiteSpace(command.Title) || string.IsNullOrWhiteSpace(command.Signer))
            {
                errors.Add(DomainError.Invalid("Title", "Hãy ghi trích yếu và người ký."));
            }

            var ids = command.NominationIds?.Distinct().ToList() ?? [];
            var nominations = await db.Nominations.Where(n => ids.Contains(n.Id) && n.Status == NominationStatus.Verified).ToListAsync(cancellationToken);
            if (nominations.Count != ids.Count)
            {
                errors.Add(DomainError.Invalid("NominationIds", "Chỉ đưa vào văn bản các hồ sơ đã thẩm định."));
            }

            if (command.Type == DocumentType.Submission && nominations.Any(n => n.ForwardedInDecisionId is not null))
            {
                errors.Add(DomainError.Conflict("already_forwarded", "Có hồ sơ đã được đề nghị lên Tỉnh ủy trong một tờ trình khác."));
            }

            if (command.Type == DocumentType.Decision && (ids.Count == 0 || string.IsNullOrWhiteSpace(command.AwardType)))
            {
                errors.Add(DomainError.Invalid("AwardType", "Quyết định khen thưởng phải có hình thức khen thưởng và danh sách được khen."));
            }

            int? roundId = command.Round is null ? null : await db.Rounds.Where(r => r.Code == command.Round).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (errors.Count > 0)
            {
                return Result<string>.Failure(errors);
            }

            for (var attempt = 0; ; attempt++)
            {
                var year = command.Date.Year;
                var terms = await db.Set<IssuerTerm>().Where(t => db.Set<Issuer>().Any(i => i.Id == t.IssuerId && i.Symbol == issuer)).Select(t => t.StartsOn).ToListAsync(cancellationToken);
                var term = DocumentNumber.TermKey(terms, command.Date);
                var used = await db.Decisions.Where(d => d.Issuer == issuer && d.Type == command.Type && d.Term == term).Select(d => d.Number).ToListAsync(cancellationToken);
                var decision = new Decision
                {
                    Issuer = issuer, Year = year, Term = term, Number = DocumentNumber.Next(used), Type = command.Type, Title = command.Title!.Trim(),
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
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    if (command.Type == DocumentType.Submission)
                    {
                        // A Tờ trình with a list sends those candidates up: the province viewers see them from now on.
                        foreach (var nomination in nominations)
                        {
                            nomination.ForwardedInDecisionId = decision.Id;
                            nomination.ProvinceOutcome = ProvinceOutcome.Pending;
                        }

                        await db.SaveChangesAsync(cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    return decision.DocumentNumber;
                }
                catch (DbUpdateException) when (attempt < 20)
                {
                    // Someone took the same number at the same moment: the unique (issuer, type, term, number) index refused it; take the next.
                    db.ChangeTracker.Clear();
                    nominations = await db.Nominations.Where(n => ids.Contains(n.Id) && n.Status == NominationStatus.Verified).ToListAsync(cancellationToken);
                }
            }
        }
    }
}
