namespace Exemplars.Domain.Reports;

public enum ReportStatus
{
    /// <summary>Đang soạn.</summary>
    Draft,

    /// <summary>Đã gửi.</summary>
    Submitted,
}
