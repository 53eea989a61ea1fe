using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People");
        group.MapGet("/", async ([AsParameters] ListQuery q, ListPeople.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(new ListPeople.Query(q.Search, q.OrganizationId, q.PartyMember, q.Leader, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("Người trong sổ theo dõi, trong phạm vi của người gọi (phân trang)");
        group.MapGet("/{id:int}", async (int id, GetPerson.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Một người: thông tin, xếp loại hằng năm (kèm điểm và phiên bản của từng năm), kỷ luật");

        group.MapPost("/{id:int}/ratings", async (int id, RatingBody body, SetRating.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.ForPersonYear(id, body.Year, body.Rating, body.Score, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi, sửa hoặc xóa (rating: null) xếp loại một năm của đảng viên, kèm điểm thang 100 (từ năm 2025, Quy định 366-QĐ/TW); "
            + "phiên bản xếp loại năm đó trong version hoặc If-Match khi năm đó đã có xếp loại. Đã lưu thì trả về các cảnh báo: điểm không khớp mức, "
            + "tổ chức cơ sở đảng có số hoàn thành xuất sắc vượt 20% số hoàn thành tốt nhiệm vụ");

        group.MapPut("/sync", async (SyncPeople.Command command, SyncPeople.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ sổ theo dõi từ hệ thống khác theo mã người: thêm, sửa, giữ nguyên, từ chối từng dòng; không xóa ai "
            + "(full = true: báo những người trong phạm vi không có trong lần gửi)");

        group.MapPut("/ratings/sync", async (SyncRatings.Command command, SyncRatings.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ xếp loại đảng viên hằng năm theo mã người và năm: thêm, sửa, giữ nguyên, từ chối từng dòng; không xóa "
            + "(full = true: báo các xếp loại của những năm đã gửi mà lần gửi không có)");

        group.MapPost("/ratings/import", async (IFormFile? file, ImportRatings.Handler handler, CancellationToken ct) =>
        {
            var upload = await Infrastructure.Excel.Spreadsheet.ReadUploadAsync(file, ct);
            if (!upload.IsSuccess)
            {
                return Problems.ToProblem(upload.Errors);
            }

            await using var content = upload.Value;
            var result = await handler.Handle(content, file!.FileName, null, ct);
            return !result.IsSuccess ? Problems.ToProblem(result.Errors)
                : result.Value.Applied ? Results.Ok(result.Value)
                : Results.UnprocessableEntity(result.Value);
        })
        .DisableAntiforgery() // bearer tokens only on /api: no cookie to forge
        .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Infrastructure.Excel.Spreadsheet.MaxUploadBytes + (64 * 1024)))
        .WithSummary("Nhập xếp loại từ tệp Excel (multipart: file) theo mẫu của trang nhập, cột “Điểm” tùy chọn; có dòng sai thì không lưu gì (422 kèm lỗi từng dòng). "
            + "Đã lưu thì báo cáo kèm cảnh báo (warnings) cho từng tổ chức cơ sở đảng và năm trong tệp có số hoàn thành xuất sắc vượt 20% số hoàn thành tốt nhiệm vụ");

        group.MapGet("/rating-quality", async (string? search, int? year, int? page, int? pageSize, RatingQuality.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(new RatingQuality.Query(search, year, page ?? 1, pageSize ?? Common.PageRequest.DefaultSize), ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Chất lượng dữ liệu xếp loại: các tổ chức cơ sở đảng và năm có số đảng viên hoàn thành xuất sắc nhiệm vụ vượt 20% số hoàn thành tốt nhiệm vụ, trong phạm vi của người gọi (phân trang; tìm theo tên đơn vị, lọc theo năm)");
        return api;
    }

    public sealed record ListQuery(string? Search, int? OrganizationId, bool? PartyMember, bool? Leader, int? Page, int? PageSize);

    /// <summary>One year's rating of a party member: level (null clears the year), optional 100-point score, the version of that year's rating as read.</summary>
    public sealed record RatingBody(int Year, Domain.Eligibility.Rating? Rating, int? Score, Guid? Version);
}
