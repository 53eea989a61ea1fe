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
        }).WithSummary("Một người: thông tin, xếp loại hằng năm, kỷ luật");
        return api;
    }

    public sealed record ListQuery(string? Search, int? OrganizationId, bool? PartyMember, bool? Leader, int? Page, int? PageSize);
}
