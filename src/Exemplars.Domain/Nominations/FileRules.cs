using System.Text;
using Exemplars.Domain.Common;

namespace Exemplars.Domain.Nominations;

/// <summary>Uploads: what types are accepted (by content, not by name), how big, and how names are cleaned.</summary>
public static class FileRules
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const long MaxNominationBytes = 100L * 1024 * 1024;

    /// <summary>Files one dossier may hold (evidence and the minutes' scan together).</summary>
    public const int MaxNominationFiles = 40;

    private static DomainError Refused(string code, string message) => new(ErrorKind.Validation, code, message, "File");

    public sealed record FileType(string Extension, string ContentType);

    private static readonly Dictionary<string, FileType> Types = new()
    {
        [".pdf"] = new(".pdf", "application/pdf"),
        [".docx"] = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".jpg"] = new(".jpg", "image/jpeg"),
        [".jpeg"] = new(".jpg", "image/jpeg"),
        [".png"] = new(".png", "image/png"),
    };

    /// <summary>Checks size and that the first bytes match the type the name claims. Returns the accepted type.</summary>
    public static Result<FileType> Check(string? fileName, long length, ReadOnlySpan<byte> head, long nominationBytesSoFar, int nominationFilesSoFar = 0)
    {
        if (length <= 0)
        {
            return Refused("file_empty", "Tệp tải lên rỗng.");
        }

        if (length > MaxFileBytes)
        {
            return Refused("file_too_large", "Mỗi tệp tối đa 20 MB.");
        }

        if (nominationBytesSoFar + length > MaxNominationBytes)
        {
            return Refused("dossier_too_large", "Tổng dung lượng tệp của một hồ sơ tối đa 100 MB.");
        }

        if (nominationFilesSoFar >= MaxNominationFiles)
        {
            return Refused("dossier_too_many_files", $"Một hồ sơ có tối đa {MaxNominationFiles} tệp; hãy gộp các minh chứng cùng loại vào một tệp PDF hoặc xóa tệp không cần.");
        }

        var extension = Path.GetExtension(CleanName(fileName)).ToLowerInvariant();
        if (!Types.TryGetValue(extension, out var type))
        {
            return Refused("file_type", "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG.");
        }

        var matches = type.Extension switch
        {
            ".pdf" => head.StartsWith("%PDF-"u8),
            ".docx" or ".xlsx" => head.StartsWith("PK\u0003\u0004"u8),
            ".jpg" => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF,
            ".png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            _ => false,
        };
        return matches
            ? type
            : Refused("file_content", $"Nội dung tệp không đúng định dạng {type.Extension.TrimStart('.').ToUpperInvariant()} như tên tệp.");
    }

    /// <summary>
    /// A safe display name: no folders, no control or reserved characters, no invisible formatting characters (bidi
    /// overrides such as U+202E that make "exe.pdf" read "fdp.exe", zero-width joiners), at most 120 characters,
    /// extension kept.
    /// </summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue; // bidi overrides and isolates, zero-width characters: dropped, not shown
            }

            builder.Append(char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c);
        }

        var cleaned = builder.ToString().Trim().TrimStart('.');
        if (cleaned.Length == 0)
        {
            cleaned = "tep";
        }

        if (cleaned.Length > 120)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = cleaned[..(120 - extension.Length)] + extension;
        }

        return cleaned;
    }
}
