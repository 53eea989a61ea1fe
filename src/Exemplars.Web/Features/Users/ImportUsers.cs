using Exemplars.Web.Features.Common;
using System.Security.Cryptography;
using Exemplars.Domain.Common;
using Exemplars.Domain.Users;
using Exemplars.Web.Infrastructure.Auth;
using Exemplars.Web.Infrastructure.Data;
using Exemplars.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Identity;

namespace Exemplars.Web.Features.Users;

/// <summary>
/// Bulk-creates users from XLSX, all or nothing. A blank password cell gets a generated one, shown once in the report.
/// </summary>
public static class ImportUsers
{
    public const int MaxRows = 2000;
    public const string EmailHeader = "Thư điện tử";
    public const string NameHeader = "Họ và tên";
    public const string RoleHeader = "Vai trò";
    public const string OrganizationHeader = "Mã tổ chức";
    public const string PasswordHeader = "Mật khẩu ban đầu";

    public static IReadOnlyList<string> Headers { get; } = [EmailHeader, NameHeader, RoleHeader, OrganizationHeader, PasswordHeader];

    public sealed record RowError(int Row, string Message);

    /// <summary>
    /// One account as the API's JSON import sends it: the template's columns; the role by its code (e.g. GrassrootsClerk)
    /// or its Vietnamese name; the initial password, or none: one is then generated and shown once in the report.
    /// </summary>
    public sealed record Row(string? Email, string? FullName, string? Role, string? OrganizationCode, string? Password)
    {
        internal string[] Cells() => [Email ?? string.Empty, FullName ?? string.Empty, Role ?? string.Empty, OrganizationCode ?? string.Empty, Password ?? string.Empty];
    }

    public sealed record Command(IReadOnlyList<Row>? Rows);

    public sealed record Created(string Email, string? GeneratedPassword);

    public sealed record Report(int Rows, IReadOnlyList<Created> Users, IReadOnlyList<RowError> Errors);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, CreateUser.Handler createUser, TimeProvider clock)
    {
        public async Task<Result<Report>> Handle(Stream xlsx, CancellationToken cancellationToken)
        {
            var read = Spreadsheet.Read(xlsx, MaxRows);
            if (!read.IsSuccess)
            {
                return Result<Report>.Failure(read.Errors);
            }

            return await Handle(read.Value, cancellationToken);
        }

        /// <summary>The API's JSON rows (issue 17): written as the template's cells, then imported as a file's rows are.</summary>
        public Task<Result<Report>> Handle(IReadOnlyList<Row>? rows, CancellationToken cancellationToken) =>
            JsonRows.Count(rows, MaxRows) is { } refused
                ? Task.FromResult<Result<Report>>(refused)
                : Handle(SheetTable.Of(Headers, rows!.Select((r, i) => (i + 1, r?.Cells() ?? JsonRows.Blank(Headers.Count)))).AsSheetRows(), cancellationToken);

        /// <summary>Rows read from a workbook or made from JSON: checked all, then saved all or none.</summary>
        public async Task<Result<Report>> Handle(IReadOnlyList<SheetRow> rows, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var errors = new List<RowError>();
            var commands = new List<(int Row, CreateUser.Command Command, bool Generated)>();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                var password = row.Get(PasswordHeader);
                var generated = password.Length == 0;
                var command = new CreateUser.Command(row.Get(EmailHeader), row.Get(NameHeader), ParseRole(row.Get(RoleHeader)), row.Get(OrganizationHeader), generated ? GeneratePassword() : password);
                if (seen.TryGetValue(command.Email, out var first))
                {
                    errors.Add(new RowError(row.Number, $"Thư điện tử {command.Email} trùng với dòng {first}."));
                    continue;
                }

                seen[command.Email] = row.Number;
                var rowErrors = await createUser.Validate(command, cancellationToken);
                foreach (var validator in users.PasswordValidators)
                {
                    var result = await validator.ValidateAsync(users, null!, command.Password);
                    rowErrors.AddRange(IdentityErrors.Translate(result.Errors));
                }

                errors.AddRange(rowErrors.Select(e => new RowError(row.Number, e.Message)));
                commands.Add((row.Number, command, generated));
            }

            if (rows.Count == 0)
            {
                errors.Add(new RowError(1, "Tệp không có dòng dữ liệu nào."));
            }

            if (errors.Count > 0)
            {
                return new Report(rows.Count, [], errors);
            }

            var organizationIds = db.Organizations.Select(o => new { o.Code, o.Id }).ToDictionary(o => o.Code, o => o.Id);
            var created = new List<Created>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (row, command, generated) in commands)
            {
                var user = CreateUser.Handler.New(command, organizationIds[command.OrganizationCode.Trim().ToUpperInvariant()], clock);
                var result = await users.CreateAsync(user, command.Password);
                if (!result.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return new Report(rows.Count, [], IdentityErrors.Translate(result.Errors).Select(e => new RowError(row, e.Message)).ToList());
                }

                created.Add(new Created(user.Email!, generated ? command.Password : null));
            }

            await transaction.CommitAsync(cancellationToken);
            return new Report(rows.Count, created, []);
        }

        private static string ParseRole(string text)
        {
            var folded = VietnameseText.Fold(text);
            return Roles.All.FirstOrDefault(r => string.Equals(folded, r, StringComparison.OrdinalIgnoreCase) || folded == VietnameseText.Fold(Roles.Label(r))) ?? text;
        }

        private static string GeneratePassword() =>
            "Ex@" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', 'x').Replace('/', 'y') + "7a";
    }
}
