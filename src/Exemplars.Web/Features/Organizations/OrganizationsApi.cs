using Exemplars.Domain.Organizations;
using Exemplars.Web.Infrastructure.Http;

namespace Exemplars.Web.Features.Organizations;

public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapPut("/sync", async (SyncOrganizations.Command command, SyncOrganizations.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(command, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Đồng bộ cây tổ chức theo mã (quản trị): thêm, sửa tên, loại hình, địa chỉ, giữ nguyên, từ chối từng dòng; không đóng, không xóa "
            + "(full = true: báo các tổ chức đang hoạt động mà lần gửi không có)");

        group.MapGet("/", async (
            [AsParameters] ListQuery query, ListOrganizations.Handler handler, CancellationToken ct) =>
            Results.Ok(await handler.Handle(
                new ListOrganizations.Query(query.Search, query.Kind, query.HostUnitType, query.IncludeInactive ?? false, query.Page ?? 1, query.PageSize ?? 50), ct)))
            .WithSummary("Tổ chức trong phạm vi của người gọi (phân trang)");

        group.MapGet("/{id:int}", async (int id, GetOrganization.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(id, ct);
            return result.IsSuccess ? Results.Ok(result.Value) : Problems.ToProblem(result.Errors);
        }).WithSummary("Một tổ chức và các tổ chức trực thuộc");

        return api;
    }

    public sealed record ListQuery(string? Search, OrganizationKind? Kind, HostUnitType? HostUnitType, bool? IncludeInactive, int? Page, int? PageSize);
}
