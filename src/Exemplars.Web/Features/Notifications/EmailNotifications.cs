using Exemplars.Web.Infrastructure.Email;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Features.Notifications;

/// <summary>
/// Every minute, when SMTP is configured: e-mails the in-app notices of the last two days that were not e-mailed yet to
/// the active users they are for (their role, an organisation in their scope). Each notice is claimed with a conditional
/// update before it is sent, so a restart or a second server never sends it twice (at most once; a failure is recorded).
/// </summary>
public static class EmailNotifications
{
    private const int BatchSize = 100;

    public sealed class Handler(AppDbContext db, EmailSettings settings, SmtpMailer mailer, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<int> Handle(CancellationToken cancellationToken)
        {
            if (!settings.Enabled)
            {
                return 0;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var since = now.AddDays(-2);
            var batch = await db.Notifications.AsNoTracking().Where(n => n.EmailedAtUtc == null && n.CreatedAtUtc >= since && n.CreatedAtUtc <= now)
                .OrderBy(n => n.Id).Take(BatchSize).Select(n => new { n.Id, n.OrganizationId, n.Roles, n.Text, n.Link }).ToListAsync(cancellationToken);
            var organizationIds = batch.Select(n => n.OrganizationId).Distinct().ToList();
            var paths = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path, cancellationToken);
            var audiences = new Dictionary<string, List<(string Email, string ScopePath)>>(StringComparer.Ordinal);
            var sent = 0;
            foreach (var notice in batch)
            {
                var id = notice.Id;
                var claimed = await db.Notifications.Where(n => n.Id == id && n.EmailedAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAtUtc, now), cancellationToken);
                if (claimed == 0)
                {
                    continue; // another run took it
                }

                if (!audiences.TryGetValue(notice.Roles, out var audience))
                {
                    audiences[notice.Roles] = audience = await AudienceAsync(notice.Roles, cancellationToken);
                }

                var recipients = paths.TryGetValue(notice.OrganizationId, out var path)
                    ? audience.Where(u => path.StartsWith(u.ScopePath, StringComparison.Ordinal)).Select(u => u.Email).Order(StringComparer.Ordinal).ToList()
                    : [];
                string? error = null;
                if (recipients.Count == 0)
                {
                    error = "Không có người nhận có địa chỉ thư điện tử.";
                }
                else
                {
                    try
                    {
                        await mailer.SendAsync(recipients, Subject(notice.Text), Body(notice.Text, notice.Link), cancellationToken);
                        sent++;
                    }
#pragma warning disable CA1031 // a mail server's failure must not stop the other notices; it is recorded on the notice
                    catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                    {
                        logger.LogWarning(e, "E-mail for notification {Id} failed", id);
                        error = "Gửi thư lỗi: " + e.Message;
                    }
                }

                if (error is not null)
                {
                    var text = error.Length > 500 ? error[..500] : error;
                    await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailError, text), cancellationToken);
                }
            }

            return sent;
        }

        /// <summary>
        /// Active users with one of the roles, with their scope: a notice goes to those whose scope takes in its
        /// organisation, the same rule as the notification centre (a secretariat member on a bloc board sees the
        /// whole bloc, a clerk its own unit). Loaded once per run for each set of roles.
        /// </summary>
        private async Task<List<(string Email, string ScopePath)>> AudienceAsync(string roles, CancellationToken cancellationToken)
        {
            var wanted = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var users = await db.Users.Where(u => u.IsActive && u.Email != null && wanted.Contains(u.Role))
                .Select(u => new { Email = u.Email!, u.Role, OrganizationPath = u.Organization!.Path }).ToListAsync(cancellationToken);
            return users.Select(u => (u.Email, Domain.Users.UserScopeRules.ScopePath(u.Role, u.OrganizationPath))).ToList();
        }

        private static string Subject(string text)
        {
            var line = text.Length > 90 ? text[..90].TrimEnd() + "…" : text;
            return "[Gương điển hình] " + line;
        }

        private string Body(string text, string? link) =>
            $"Kính gửi đồng chí,\n\n{text}\n\n" +
            (link is null || settings.BaseUrl is null ? string.Empty : $"Xem chi tiết: {settings.BaseUrl}{link}\n\n") + // a relative link means nothing in a mail client
            "Thư này được gửi tự động từ hệ thống quản lý gương điển hình tiêu biểu; xin đừng trả lời thư này.\n";
    }
}
