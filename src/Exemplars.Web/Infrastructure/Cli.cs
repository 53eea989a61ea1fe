using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure;

/// <summary>
/// Command-line verbs of the app, for a production start:
/// <c>dotnet Exemplars.Web.dll create-admin --email a@b.vn --password '...'</c>, <c>migrate</c>,
/// <c>backup --to DIR</c> and <c>restore --from DIR --yes</c> (ADR 023), <c>files-move --to Database|Folder</c> (ADR 010).
/// </summary>
public static class Cli
{
    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        switch (verb)
        {
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
                }

                await Console.Out.WriteLineAsync("Đã cập nhật cấu trúc cơ sở dữ liệu.");
                return 0;
            case "create-admin":
                var email = Option(args, "--email");
                var password = Option(args, "--password") ?? Environment.GetEnvironmentVariable("EXEMPLARS_ADMIN_PASSWORD");
                if (email is null || password is null)
                {
                    await Console.Error.WriteLineAsync("Cách dùng: create-admin --email <thư điện tử> --password <mật khẩu> (hoặc biến môi trường EXEMPLARS_ADMIN_PASSWORD)");
                    return 2;
                }

                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
                    var result = await DatabaseStartup.CreateFirstAdminAsync(scope.ServiceProvider, email, password, CancellationToken.None);
                    if (!result.IsSuccess)
                    {
                        await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
                        return 1;
                    }
                }

                await Console.Out.WriteLineAsync($"Đã tạo tài khoản quản trị {email}.");
                return 0;
            case "backup":
                var to = Option(args, "--to");
                if (to is null)
                {
                    await Console.Error.WriteLineAsync("Cách dùng: backup --to <thư mục mới hoặc rỗng>");
                    return 2;
                }

                return await Operations.BackupCommands.BackupAsync(app.Services, to);
            case "restore":
                var from = Option(args, "--from");
                if (from is null)
                {
                    await Console.Error.WriteLineAsync("Cách dùng: restore --from <thư mục sao lưu> --yes (dừng ứng dụng trước; toàn bộ dữ liệu và tệp hiện có bị thay bằng bản sao lưu)");
                    return 2;
                }

                return await Operations.BackupCommands.RestoreAsync(app.Services, from, confirmed: args.Contains("--yes"));
            case "files-move":
                return await Operations.FileMoveCommand.RunAsync(app.Services, Option(args, "--to"));
            default:
                await Console.Error.WriteLineAsync($"Lệnh không hợp lệ: {verb}. Các lệnh: migrate, create-admin, backup, restore, files-move.");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
