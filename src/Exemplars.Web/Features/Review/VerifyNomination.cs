using Exemplars.Domain.Ballots;
using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Review;
using Exemplars.Web.Features.Nominations;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Review;

/// <summary>
/// The secretariat's verification (thẩm định): each criterion that needs judgement is marked Đạt / Không đạt / Cần bổ sung
/// with notes; the dossier is accepted as a candidate only when every such criterion is Đạt.
/// </summary>
public static class VerifyNomination
{
    /// <summary>
    /// One criterion as shown and recorded: code, short name, full text, result and note; on the page also the heading the
    /// plan puts it under (<see cref="Group"/>, e.g. "Tiêu chí chung"; not recorded).
    /// </summary>
    public sealed record Item(string Code, string Name, string Text, CheckResult? Result, string? Note, string? Group = null);

    /// <summary>
    /// The verification page: the dossier, its criteria (current choices of this sending, if saved), earlier records, and
    /// the files of the sending being verified (exactly as sent; opened through the scope-checked sent-files download).
    /// </summary>
    public sealed record Sheet(GetNomination.Details Details, IReadOnlyList<Item> Items, IReadOnlyList<Record> History, IReadOnlyList<SentFiles.Item> Files);

    /// <summary>One kept verification, for the dossier's history.</summary>
    public sealed record Record(int SubmissionNumber, VerificationOutcome Outcome, string CheckedBy, DateTime CheckedAtUtc, IReadOnlyList<Item> Items);

    public sealed record SaveCommand(Guid? Version, IReadOnlyList<VerificationEntry> Entries, VerificationOutcome Outcome, string? ReturnReason);

    /// <summary>The heading the plan puts a criterion under, from the plan's own data (scope, category title, sub-group).</summary>
    public static string GroupOf(Criterion criterion, string? categoryTitle) => criterion.Scope switch
    {
        CriterionScope.General => "Tiêu chí chung",
        CriterionScope.Leader => "Đối với cá nhân giữ chức vụ lãnh đạo, quản lý",
        CriterionScope.PartyMember => "Đối với cá nhân là đảng viên",
        _ when criterion.SubGroup is { Length: > 0 } sub => $"Tiêu chí cụ thể – {categoryTitle}: {sub}",
        _ => $"Tiêu chí cụ thể – {categoryTitle}",
    };

    /// <summary>The kept verifications of a dossier, oldest first (for anyone who may see the dossier).</summary>
    public static async Task<IReadOnlyList<Record>> HistoryAsync(AppDbContext db, int nominationId, CancellationToken cancellationToken)
    {
        var rows = await db.VerificationRecords.AsNoTracking().Where(v => v.NominationId == nominationId).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new Record(r.SubmissionNumber, r.Outcome, r.CheckedBy, r.CheckedAtUtc,
            System.Text.Json.JsonSerializer.Deserialize<List<Item>>(r.ItemsJson, Json) ?? [])).ToList();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, GetNomination.Handler get, ChangeNominationState.Handler states, SentFiles.Handler files)
    {
        /// <summary>The verification page of a dossier waiting for verification (or its record, in any later state).</summary>
        public async Task<Result<Sheet>> Sheet(int nominationId, CancellationToken cancellationToken)
        {
            var details = await Reviewable(nominationId, cancellationToken);
            if (!details.IsSuccess)
            {
                return Result<Sheet>.Failure(details.Errors);
            }

            var n = details.Value.Nomination;
            var sentAt = n.SubmittedAtUtc ?? DateTime.MinValue;
            var saved = await db.VerificationItems.AsNoTracking().Where(v => v.NominationId == nominationId).ToDictionaryAsync(v => v.CriterionCode, cancellationToken);
            var codes = details.Value.Eligibility.JudgementCriteria.Select(c => c.Code).ToList();
            var planId = await db.Rounds.Where(r => r.Id == n.RoundId).Select(r => r.PlanId).SingleAsync(cancellationToken);
            var planCriteria = (await db.Criteria.AsNoTracking().Where(c => c.PlanId == planId && codes.Contains(c.Code)).ToListAsync(cancellationToken))
                .GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Version).First());
            var categoryTitles = await db.Categories.AsNoTracking().Where(c => c.PlanId == planId).ToDictionaryAsync(c => c.Code, c => c.Title, cancellationToken);
            var items = details.Value.Eligibility.JudgementCriteria.Select(c =>
            {
                // Only this sending's own choices are shown selected; an earlier sending's result is history, not a default.
                var current = saved.TryGetValue(c.Code, out var v) && v.CheckedAtUtc >= sentAt ? v : null;
                var group = planCriteria.TryGetValue(c.Code, out var criterion)
                    ? GroupOf(criterion, criterion.CategoryCode is { } category ? categoryTitles.GetValueOrDefault(category) : null)
                    : null;
                return new Item(c.Code, CriterionWording.Name(c.Text), c.Text, current?.Result, current?.Note, group);
            }).ToList();
            var sent = await files.List(nominationId, cancellationToken);
            var lastSent = sent.IsSuccess && sent.Value.Count > 0 ? sent.Value.Max(f => f.VersionNumber) : 0;
            var sentFiles = sent.IsSuccess ? sent.Value.Where(f => f.VersionNumber == lastSent).ToList() : [];
            return new Sheet(details.Value, items, await HistoryAsync(db, nominationId, cancellationToken), sentFiles);
        }

        /// <summary>
        /// Records every criterion at once and, as asked, accepts or returns the dossier, all in one transaction: either
        /// everything is kept or nothing is.
        /// </summary>
        public async Task<Result<VerificationOutcome>> Save(int nominationId, SaveCommand command, CancellationToken cancellationToken)
        {
            var details = await Reviewable(nominationId, cancellationToken);
            if (!details.IsSuccess)
            {
                return Result<VerificationOutcome>.Failure(details.Errors);
            }

            var nomination = details.Value.Nomination;
            if (nomination.Status is not (NominationStatus.Submitted or NominationStatus.Resubmitted))
            {
                return DomainError.Conflict("not_awaiting_verification", $"Hồ sơ đang ở trạng thái {nomination.Status.Label().ToLowerInvariant()}, không chờ thẩm định.");
            }

            if (command.Version is { } v && v != nomination.Version)
            {
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
            }

            var criteria = details.Value.Eligibility.JudgementCriteria.Select(c => (c.Code, CriterionWording.Name(c.Text))).ToList();
            var entries = command.Entries ?? [];
            var errors = VerificationRules.Validate(criteria, entries);
            if (errors.Count == 0 && command.Outcome == VerificationOutcome.Accepted && !VerificationRules.AllPass(entries))
            {
                errors.Add(DomainError.Rule("verification_incomplete", "Chỉ tiếp nhận được khi mọi tiêu chí đều Đạt; hãy trả lại hồ sơ để đơn vị bổ sung."));
            }

            if (errors.Count == 0 && command.Outcome == VerificationOutcome.Returned && VerificationRules.AllPass(entries) && string.IsNullOrWhiteSpace(command.ReturnReason))
            {
                errors.Add(DomainError.Invalid("ReturnReason", "Mọi tiêu chí đều Đạt: nếu vẫn trả lại, hãy ghi lý do trả lại."));
            }

            if (errors.Count > 0)
            {
                return Result<VerificationOutcome>.Failure(errors);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.VerificationItems.Where(i => i.NominationId == nominationId).ToDictionaryAsync(i => i.CriterionCode, cancellationToken);
            var recorded = new List<Item>();
            foreach (var (code, name) in criteria)
            {
                var entry = entries.First(e => e.CriterionCode == code);
                if (!existing.TryGetValue(code, out var item))
                {
                    item = new VerificationItem { NominationId = nominationId, CriterionCode = code };
                    db.VerificationItems.Add(item);
                }

                item.Result = entry.Result!.Value;
                item.Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
                item.CheckedBy = user.Email;
                item.CheckedAtUtc = now;
                recorded.Add(new Item(code, name, details.Value.Eligibility.JudgementCriteria.First(c => c.Code == code).Text, item.Result, item.Note));
            }

            db.VerificationRecords.Add(new VerificationRecord
            {
                NominationId = nominationId, SubmissionNumber = nomination.SubmissionCount, Outcome = command.Outcome,
                ItemsJson = System.Text.Json.JsonSerializer.Serialize(recorded, Json), CheckedBy = user.Email, CheckedAtUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);

            var moved = command.Outcome switch
            {
                VerificationOutcome.Accepted => await Accept(nominationId, nomination.Version, cancellationToken),
                VerificationOutcome.Returned => await states.Return(nominationId, nomination.Version,
                    string.Join("\n", new[] { command.ReturnReason?.Trim(), VerificationRules.ReturnReason(criteria, entries) }.Where(x => !string.IsNullOrWhiteSpace(x))), cancellationToken),
                _ => nomination.Status,
            };
            if (!moved.IsSuccess)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Result<VerificationOutcome>.Failure(moved.Errors);
            }

            await transaction.CommitAsync(cancellationToken);
            return command.Outcome;
        }

        public async Task<Result<bool>> Check(int nominationId, string? criterionCode, CheckResult result, string? note, CancellationToken cancellationToken)
        {
            var details = await Reviewable(nominationId, cancellationToken);
            if (!details.IsSuccess)
            {
                return Result<bool>.Failure(details.Errors);
            }

            if (!Enum.IsDefined(result))
            {
                return DomainError.Invalid("Result", "Kết quả thẩm định phải là Đạt, Không đạt hoặc Cần bổ sung.");
            }

            if (!details.Value.Eligibility.JudgementCriteria.Any(c => c.Code == criterionCode))
            {
                return DomainError.Rule("criterion_not_in_dossier", "Tiêu chí không thuộc hồ sơ này.", "CriterionCode");
            }

            if (result != CheckResult.Pass && string.IsNullOrWhiteSpace(note))
            {
                return DomainError.Invalid("Note", "Hãy ghi nhận xét khi tiêu chí không đạt hoặc cần bổ sung.");
            }

            var item = await db.VerificationItems.SingleOrDefaultAsync(v => v.NominationId == nominationId && v.CriterionCode == criterionCode, cancellationToken);
            if (item is null)
            {
                item = new VerificationItem { NominationId = nominationId, CriterionCode = criterionCode! };
                db.VerificationItems.Add(item);
            }

            item.Result = result;
            item.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 2000)];
            item.CheckedBy = user.Email;
            item.CheckedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        public async Task<Result<NominationStatus>> Accept(int nominationId, Guid? version, CancellationToken cancellationToken)
        {
            var details = await Reviewable(nominationId, cancellationToken);
            if (!details.IsSuccess)
            {
                return Result<NominationStatus>.Failure(details.Errors);
            }

            var checks = await db.VerificationItems.Where(v => v.NominationId == nominationId).ToDictionaryAsync(v => v.CriterionCode, cancellationToken);
            var open = details.Value.Eligibility.JudgementCriteria.Where(c => !checks.TryGetValue(c.Code, out var v) || v.Result != CheckResult.Pass).ToList();
            if (open.Count > 0)
            {
                // Criteria by their names from the plan, never by code.
                return DomainError.Rule("verification_incomplete", $"Chưa thể tiếp nhận: chưa thẩm định Đạt các tiêu chí “{string.Join("”; “", open.Select(c => CriterionWording.Name(c.Text)))}”.");
            }

            var nomination = await db.Nominations.SingleAsync(n => n.Id == nominationId, cancellationToken);
            if (Common.Versions.Check(version, nomination.Version, "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.") is { } refused)
            {
                return refused;
            }

            var next = NominationStateMachine.Next(nomination.Status, NominationAction.Accept);
            if (!next.IsSuccess)
            {
                return next;
            }

            nomination.Status = next.Value;
            nomination.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return nomination.Status;
        }

        private async Task<Result<GetNomination.Details>> Reviewable(int nominationId, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanReview(user))
            {
                return NominationAccess.Forbidden("thẩm định hồ sơ");
            }

            return await get.Handle(nominationId, cancellationToken);
        }
    }
}
