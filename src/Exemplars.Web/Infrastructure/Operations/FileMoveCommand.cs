using Exemplars.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Operations;

/// <summary>The <c>files-move --to Database|Folder</c> verb: what the administrator reads on the console, and the exit code.</summary>
public static class FileMoveCommand
{
    public const string Usage = "Cách dùng: files-move --to Database|Folder (chép mọi tệp từ kho còn lại sang kho này, kiểm tra từng tệp bằng SHA-256; không xóa gì ở kho nguồn; chạy lại chỉ chép phần còn thiếu)";

    public static async Task<int> RunAsync(IServiceProvider services, string? to)
    {
        if (to is null || !Enum.TryParse<FileBackend>(to, ignoreCase: true, out var backend) || !Enum.IsDefined(backend))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // The database store's tables come with the migrations.
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }

        var summary = await services.GetRequiredService<FileMove>().MoveAsync(backend, line => Console.Out.WriteLine(line), CancellationToken.None);
        await Console.Out.WriteLineAsync(
            $"Xong: {summary.Total:N0} tệp, đã chép {summary.Copied:N0} ({summary.BytesCopied:N0} byte), đã có sẵn {summary.AlreadyThere:N0}, lỗi {summary.Failed:N0}. Kho nguồn giữ nguyên.");
        if (summary.Failed > 0)
        {
            await Console.Error.WriteLineAsync("Còn tệp chưa chép được (xem các dòng Lỗi ở trên); sửa nguyên nhân rồi chạy lại lệnh, trước khi đổi Storage:Backend.");
            return 1;
        }

        var configured = FileStores.Backend(services.GetRequiredService<IConfiguration>());
        if (configured != backend)
        {
            await Console.Out.WriteLineAsync($"Ứng dụng đang dùng kho {FileMove.Name(configured)} (Storage:Backend = {configured}); đặt Storage:Backend = {backend} rồi khởi động lại để dùng kho {FileMove.Name(backend)}.");
        }

        return 0;
    }
}
