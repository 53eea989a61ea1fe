namespace Exemplars.Web.Features.Common;

/// <summary>
/// An import row that changes a record already in the registry carries the version of that record as it was exported
/// (column "Phiên bản"), like every other write (ADR 012). A row that changes nothing, or adds a record, needs none.
/// </summary>
public static class ImportVersions
{
    public const string Header = "Phiên bản";

    /// <summary>Null when the row may change the record; otherwise why not, in Vietnamese, naming <paramref name="subject"/>.</summary>
    public static string? Refusal(string cell, Guid current, string subject) =>
        cell.Trim().Length == 0
            ? $"{subject} đã có trong hệ thống và dòng này sửa thông tin của nó nhưng không ghi phiên bản. Muốn sửa, hãy tải danh sách về bằng nút “Xuất Excel”, sửa trên tệp đó (giữ nguyên cột “{Header}”) rồi nhập lại."
            : !Guid.TryParse(cell.Trim(), out var sent) || sent != current
                ? $"{subject} đã được sửa sau khi tệp này được tải về (phiên bản trong tệp đã cũ). Hãy tải danh sách mới, sửa lại trên tệp đó rồi nhập lại."
                : null;
}
