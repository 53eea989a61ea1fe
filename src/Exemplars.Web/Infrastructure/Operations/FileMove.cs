using System.Data.Common;
using System.Security.Cryptography;

namespace Exemplars.Web.Infrastructure.Operations;

/// <summary>
/// Copies every stored file from one backend of the file store to the other (<c>files-move --to Database|Folder</c>,
/// ADR 010): content-addressed and legacy addresses alike, each under the same address. A file already at its address
/// in the target is left alone, so a second run copies only what is missing (resumable after a stop); each copy is read
/// back from the target and checked by SHA-256 against the source (and, for a content-addressed file, against its
/// address), and a copy that does not match is removed again. The source is never changed or deleted.
/// </summary>
public sealed class FileMove(FileStorage folder, DatabaseFileStore database, ILogger<FileMove> logger)
{
    public sealed record Summary(int Total, int Copied, int AlreadyThere, int Failed, long BytesCopied);

    /// <summary>Copies what the target lacks; <paramref name="report"/> gets progress lines and each failure (Vietnamese).</summary>
    public async Task<Summary> MoveAsync(FileBackend to, Action<string> report, CancellationToken cancellationToken)
    {
        var addresses = to == FileBackend.Database ? folder.ListAll().ToList() : database.ListAll().Select(f => f.Address).ToList();
        IFileStore source = to == FileBackend.Database ? folder : database;
        IFileStore target = to == FileBackend.Database ? database : folder;
        int copied = 0, alreadyThere = 0, failed = 0;
        long bytes = 0;
        report($"Có {addresses.Count:N0} tệp trong kho {Name(to == FileBackend.Database ? FileBackend.Folder : FileBackend.Database)}; chép sang kho {Name(to)}.");
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            try
            {
                if (target.Exists(address))
                {
                    alreadyThere++;
                }
                else if (await CopyAsync(address, source, target, to, cancellationToken) is { } size)
                {
                    copied++;
                    bytes += size;
                }
                else
                {
                    failed++;
                    report($"Lỗi: {address} — tệp nguồn không khớp mã SHA-256 của địa chỉ (tệp hỏng); không chép.");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or InvalidOperationException or VerifyException)
            {
                failed++;
                report($"Lỗi: {address} — {e.Message}");
                logger.LogWarning(e, "Moving stored file {Address} to the {Backend} store failed", address, to);
            }

            if ((i + 1) % 100 == 0)
            {
                report($"Đã xét {i + 1:N0}/{addresses.Count:N0} tệp (chép {copied:N0}, đã có {alreadyThere:N0}, lỗi {failed:N0}).");
            }
        }

        logger.LogInformation("Stored files moved to the {Backend} store: {Copied} copied, {AlreadyThere} already there, {Failed} failed of {Total}", to, copied, alreadyThere, failed, addresses.Count);
        return new Summary(addresses.Count, copied, alreadyThere, failed, bytes);
    }

    public static string Name(FileBackend backend) => backend == FileBackend.Database ? "cơ sở dữ liệu" : "thư mục";

    /// <summary>The size copied, or null when the source's bytes do not match their content address (nothing is written).</summary>
    private async Task<long?> CopyAsync(string address, IFileStore source, IFileStore target, FileBackend to, CancellationToken cancellationToken)
    {
        string sourceSha;
        long size;
        await using (var input = source.Open(address))
        {
            sourceSha = Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken));
            size = input.Length;
        }

        if (FileStorage.IsContentAddressed(address) && !string.Equals(address, FileStorage.AddressOf(sourceSha), StringComparison.Ordinal))
        {
            return null;
        }

        await using (var input = source.Open(address))
        {
            // When the address was stored meanwhile (a parallel run), nothing is written: that copy is checked the same.
            _ = to == FileBackend.Database
                ? (await database.WriteAsync(address, input, cancellationToken)).Written
                : await folder.ImportAsync(address, input, cancellationToken);
        }

        string targetSha;
        await using (var copy = target.Open(address))
        {
            targetSha = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
        }

        if (!string.Equals(targetSha, sourceSha, StringComparison.Ordinal))
        {
            target.Delete(address);
            throw new VerifyException("bản chép không khớp mã SHA-256 của tệp nguồn; đã xóa bản chép, chạy lại lệnh để chép lại.");
        }

        return size;
    }

    private sealed class VerifyException(string message) : Exception(message);
}
