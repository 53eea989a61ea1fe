using Exemplars.Web.Features.Common;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People");
        group.MapGet("/", async ([AsParameters] ListQuery q, ListPeople.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(new ListPeople.Query(q.Search, q.OrganizationId, q.PartyMember, q.Leader, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("Người trong sổ theo dõi, trong phạm vi của người gọi (phân trang)").CacheOutput(KeptResponses.Policy);
        group.MapGet("/{id:int}", async (int id, GetPerson.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Một người: thông tin, xếp loại hằng năm (kèm điểm và phiên bản của từng năm), kỷ luật").CacheOutput(KeptResponses.Policy);

        group.MapPost("/{id:int}/ratings", async (int id, RatingBody body, SetRating.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.ForPersonYear(id, body.Year, body.Rating, body.Score, Common.Versions.Pick(body.Version, http), ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi, sửa hoặc xóa (rating: null) xếp loại một năm của đảng viên, kèm điểm thang 100 (từ năm 2025, Quy định 366-QĐ/TW); "
            + "phiên bản xếp loại năm đó trong version hoặc If-Match khi năm đó đã có xếp loại. Đã lưu thì trả về các cảnh báo: điểm không khớp mức, "
            + "tổ chức cơ sở đảng có số hoàn thành xuất sắc vượt 20% số hoàn thành tốt nhiệm vụ");

        group.MapPut("/sync", async (SyncPeople.Command command, SyncPeople.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct); // texts arrive cleaned of NUL (CleanStringJsonConverter)
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ sổ theo dõi từ hệ thống khác theo mã người: thêm, sửa, giữ nguyên, từ chối từng dòng; không xóa ai "
            + "(full = true: báo những người trong phạm vi không có trong lần gửi)");

        group.MapPut("/ratings/sync", async (SyncRatings.Command command, SyncRatings.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ xếp loại đảng viên hằng năm theo mã người và năm: thêm, sửa, giữ nguyên, từ chối từng dòng; không xóa "
            + "(full = true: báo các xếp loại của những năm đã gửi mà lần gửi không có)");

        group.MapPost("/ratings/import", (IFormFile? file, ImportRatings.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.WorkbookAsync(file, (content, name) => handler.Handle(content, name, null, ct), r => r.Applied, r => r.ErrorCount, http, ct))
        .AcceptsWorkbook()
        .WithSummary("Nhập xếp loại từ tệp Excel (multipart: file) theo mẫu của trang nhập, cột “Điểm” tùy chọn; có dòng sai thì không lưu gì: 422 (problem details, errors: dòng và lỗi). Gửi dữ liệu dạng JSON: POST /api/v1/people/ratings/import/json. "
            + "Đã lưu thì báo cáo kèm cảnh báo (warnings) cho từng tổ chức cơ sở đảng và năm trong tệp có số hoàn thành xuất sắc vượt 20% số hoàn thành tốt nhiệm vụ");

        group.MapPost("/", async (PersonBody body, SavePerson.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(null, body.ToCommand(null), ct);
            return result.IsSuccess ? Results.Created($"/api/v1/people/{result.Value}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Thêm một người vào sổ theo dõi (như trang thêm người): mã người chưa có trong sổ, tổ chức và tập thể lãnh đạo trong phạm vi của người gọi; "
            + "mã người đã có thì 422 duplicate_code");

        group.MapPut("/{id:int}", async (int id, PersonBody body, SavePerson.Handler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, body.ToCommand(Common.Versions.Pick(body.Version, http)), ct);
            return result.IsSuccess ? Results.Ok(new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Sửa thông tin một người trong sổ theo dõi (như trang sửa): gửi đủ các trường; phiên bản đã đọc trong version hoặc If-Match");

        group.MapPost("/{id:int}/discipline", async (int id, DisciplineBody body, RecordDiscipline.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Add(id, body.Year, body.Form, body.Note, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/people/{id}", new { id = result.Value }) : Problems.ToProblem(result.Errors);
        }).WithSummary("Ghi một hình thức kỷ luật người này nhận trong một năm (như trang chi tiết người); trả về mã bản ghi kỷ luật");

        group.MapDelete("/{id:int}/discipline/{disciplineId:int}", async (int id, int disciplineId, RecordDiscipline.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Remove(id, disciplineId, ct);
            return result.IsSuccess ? Results.NoContent() : Problems.ToProblem(result.Errors);
        }).WithSummary("Xóa một bản ghi kỷ luật ghi nhầm của người này (như trang chi tiết người)");

        group.MapPost("/import", (IFormFile? file, ImportPeople.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.WorkbookAsync(file, (content, name) => handler.Handle(content, name, null, ct), r => r.Applied, r => r.ErrorCount, http, ct))
        .AcceptsWorkbook()
        .WithSummary("Nhập người vào sổ theo dõi từ tệp Excel (multipart: file) theo mẫu của trang nhập: mã người đã có thì sửa người đó (kèm cột “Phiên bản” khi dòng đổi thông tin), "
            + "chưa có thì thêm. Có dòng sai thì không lưu gì: 422 (problem details, errors: dòng và lỗi). Gửi dữ liệu dạng JSON: POST /api/v1/people/import/json");

        group.MapPost("/import/json", async (ImportPeople.Command command, ImportPeople.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.Answer(await handler.Handle(command.Rows, ct), r => r.Applied, r => r.ErrorCount, http))
        .WithSummary("Nhập người vào sổ theo dõi từ các dòng JSON (rows), cùng cột và cùng kiểm tra như tệp Excel của POST /api/v1/people/import: "
            + "mã người đã có thì sửa (kèm version khi dòng đổi thông tin), chưa có thì thêm; có dòng sai thì không lưu gì: 422 (problem details, errors: số thứ tự dòng trong rows, từ 1, và lỗi)");

        group.MapPost("/ratings/import/json", async (ImportRatings.Command command, ImportRatings.Handler handler, HttpContext http, CancellationToken ct) =>
            JsonRows.Answer(await handler.Handle(command.Rows, ct), r => r.Applied, r => r.ErrorCount, http))
        .WithSummary("Nhập xếp loại từ các dòng JSON (rows), cùng cột và cùng kiểm tra như tệp Excel của POST /api/v1/people/ratings/import (body trống: đảng viên; score trống: không có điểm); "
            + "có dòng sai thì không lưu gì: 422 (problem details, errors: số thứ tự dòng trong rows, từ 1, và lỗi). Đã lưu thì báo cáo kèm cảnh báo như khi nhập tệp");

        group.MapGet("/rating-quality", async (string? search, int? year, int? page, int? pageSize, RatingQuality.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(new RatingQuality.Query(search, year, page ?? 1, pageSize ?? Common.PageRequest.DefaultSize), ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Chất lượng dữ liệu xếp loại: các tổ chức cơ sở đảng và năm có số đảng viên hoàn thành xuất sắc nhiệm vụ vượt 20% số hoàn thành tốt nhiệm vụ, trong phạm vi của người gọi (phân trang; tìm theo tên đơn vị, lọc theo năm)");
        return api;
    }

    /// <summary>A person as the add and edit forms take them; <see cref="Version"/> (or If-Match) is the person's version as read, for an edit.</summary>
    public sealed record PersonBody(
        string Code, string FullName, DateOnly? BirthDate, Domain.People.Gender? Gender, string? Ethnicity, string? Position, string OrganizationCode,
        bool IsPartyMember, int? PartyJoinYear, bool IsLeader, string? LedOrganizationCode, string? FieldCategoryCode, Guid? Version)
    {
        /// <summary>The command of the form (a missing code or name is an empty one, as an empty form field).</summary>
        internal SavePerson.Command ToCommand(Guid? version) => new(
            new Domain.People.PersonDraft(Code ?? string.Empty, FullName ?? string.Empty, BirthDate, Gender, Ethnicity, Position,
                IsPartyMember, PartyJoinYear, IsLeader, FieldCategoryCode),
            OrganizationCode ?? string.Empty, LedOrganizationCode, version);
    }

    /// <summary>A disciplinary measure: the year, its form (e.g. Khiển trách, Cảnh cáo) and an optional note.</summary>
    public sealed record DisciplineBody(int Year, string Form, string? Note);

    public sealed record ListQuery(string? Search, int? OrganizationId, bool? PartyMember, bool? Leader, int? Page, int? PageSize);

    /// <summary>One year's rating of a party member: level (null clears the year), optional 100-point score, the version of that year's rating as read.</summary>
    public sealed record RatingBody(int Year, Domain.Eligibility.Rating? Rating, int? Score, Guid? Version);
}
