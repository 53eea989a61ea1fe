using Exemplars.Domain.Common;
using Exemplars.Domain.Nominations;
using Exemplars.Web.Infrastructure;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Nominations;

/// <summary>The clerk fills in the achievement report and the review-meeting minutes (while the dossier is a draft or returned).</summary>
public static class SaveDossier
{
    public sealed record Command(
        Guid? Version,
        string? Summary,
        string? AchievementsByYear,
        string? Initiatives,
        string? CommendationsReceived,
        string? ReportHtml,
        DateOnly? MinutesDate,
        int? MembersTotal,
        int? MembersPresent,
        int? VotesAgree,
        int? VotesDisagree,
        int? VotesAbstain,
        bool FamilyLawAttested,
        string? IndeterminateExplanation);

    public sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public async Task<Result<Guid>> Handle(int id, Command command, CancellationToken cancellationToken)
        {
            if (!NominationAccess.CanDraft(user))
            {
                return NominationAccess.Forbidden("sửa hồ sơ đề nghị");
            }

            var found = await NominationAccess.FindForEdit(db, user, id, command.Version, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<Guid>.Failure(found.Errors);
            }

            var nomination = found.Value;
            if (!NominationStateMachine.IsEditable(nomination.Status))
            {
                return DomainError.Conflict("not_editable", $"Hồ sơ đang ở trạng thái “{nomination.Status.Label()}”, không sửa được.");
            }

            var errors = new List<DomainError>();
            var minutesFields = new int?[] { command.MembersTotal, command.MembersPresent, command.VotesAgree, command.VotesDisagree, command.VotesAbstain };
            var anyMinutes = command.MinutesDate is not null || minutesFields.Any(v => v is not null);
            if (anyMinutes)
            {
                if (command.MinutesDate is null || minutesFields.Any(v => v is null))
                {
                    errors.Add(DomainError.Invalid("MinutesDate", "Biên bản họp phải ghi đủ ngày họp, tổng số thành viên, số có mặt, số đồng ý, không đồng ý và không biểu quyết."));
                }
                else
                {
                    errors.AddRange(MinutesRules.Validate(new MeetingMinutes(command.MinutesDate.Value, command.MembersTotal!.Value, command.MembersPresent!.Value, command.VotesAgree!.Value, command.VotesDisagree!.Value, command.VotesAbstain!.Value), VietnamTime.Today(clock)));
                }
            }

            foreach (var (field, value, max) in new[] { ("Summary", command.Summary, 4000), ("AchievementsByYear", command.AchievementsByYear, 8000), ("Initiatives", command.Initiatives, 8000), ("CommendationsReceived", command.CommendationsReceived, 8000), ("IndeterminateExplanation", command.IndeterminateExplanation, 4000), ("ReportHtml", command.ReportHtml, 100_000) })
            {
                if (value is not null && value.Length > max)
                {
                    errors.Add(DomainError.Invalid(field, $"Nội dung dài tối đa {max} ký tự."));
                }
            }

            if (errors.Count > 0)
            {
                return Result<Guid>.Failure(errors);
            }

            nomination.Summary = Clean(command.Summary);
            nomination.AchievementsByYear = Clean(command.AchievementsByYear);
            nomination.Initiatives = Clean(command.Initiatives);
            nomination.CommendationsReceived = Clean(command.CommendationsReceived);
            nomination.ReportHtml = string.IsNullOrWhiteSpace(command.ReportHtml) ? null : HtmlCleaner.Clean(command.ReportHtml);
            nomination.MinutesDate = command.MinutesDate;
            nomination.MembersTotal = command.MembersTotal;
            nomination.MembersPresent = command.MembersPresent;
            nomination.VotesAgree = command.VotesAgree;
            nomination.VotesDisagree = command.VotesDisagree;
            nomination.VotesAbstain = command.VotesAbstain;
            nomination.FamilyLawAttested = command.FamilyLawAttested;
            nomination.IndeterminateExplanation = Clean(command.IndeterminateExplanation);
            nomination.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return DomainError.Conflict("concurrent_edit", "Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang.");
            }

            return nomination.Version;
        }

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
