namespace Exemplars.Web.Infrastructure.Operations;

/// <summary>The <c>backup</c> and <c>restore</c> verbs: what the administrator reads on the console, and the exit code.</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, string folder)
    {
        try
        {
            var manifest = await services.GetRequiredService<Backups>().BackupAsync(folder, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Đã sao lưu vào {Path.GetFullPath(folder)}: cơ sở dữ liệu {manifest.Provider} ({manifest.Database.Size:N0} byte) và {manifest.Files.Count} tệp, kèm mã kiểm tra trong {Backups.ManifestName}.");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync("Không sao lưu được: " + e.Message);
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string folder, bool confirmed)
    {
        var backups = services.GetRequiredService<Backups>();
        try
        {
            var manifest = await backups.VerifyAsync(Path.GetFullPath(folder), CancellationToken.None);
            if (!confirmed)
            {
                await Console.Error.WriteLineAsync($"Bản sao lưu tạo lúc {manifest.CreatedAtUtc.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm} (giờ Việt Nam), {manifest.Files.Count} tệp, đã kiểm tra đủ mã. Khôi phục sẽ THAY TOÀN BỘ dữ liệu và tệp hiện có. Dừng ứng dụng rồi chạy lại lệnh với --yes để khôi phục.");
                return 2;
            }

            await backups.RestoreAsync(folder, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Đã khôi phục từ {Path.GetFullPath(folder)}: cơ sở dữ liệu và {manifest.Files.Count} tệp.");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync("Không khôi phục được: " + e.Message);
            return 1;
        }
    }
}
