using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// The OpenAPI document (issue 15, item 5): generated from the real request types — schema names carry the use case that
/// declares them (<c>CreateNominationCommand</c>, <c>OpenBallotCommand</c>), where the default named a dozen different types
/// "Command" and showed one of them for all — with an example body for every operation that takes one
/// (<see cref="ApiExamples"/>, serialised with the API's own JSON options), and without the Identity endpoints that
/// <see cref="Auth.AppAuth.OnlyLoginAndRefresh"/> refuses.
/// </summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.CreateSchemaReferenceId = SchemaId;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Exemplars API";
                document.Info.Description = "API của hệ thống quản lý gương điển hình tiêu biểu. Xác thực: POST /api/v1/auth/login rồi gửi 'Authorization: Bearer <accessToken>'. Mỗi thao tác có thân yêu cầu kèm một ví dụ.";
                foreach (var path in document.Paths.Keys.Where(p => p.StartsWith("/api/v1/auth/", StringComparison.Ordinal) && !Auth.AppAuth.IsOpenAuthPath(p["/api/v1/auth".Length..])).ToList())
                {
                    document.Paths.Remove(path);
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
                if (body is not null && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json) && ApiExamples.For(body) is { } example)
                {
                    var options = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                    json.Example = JsonSerializer.SerializeToNode(example, body, options);
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>A nested type is named with the type that declares it, less a trailing "Api": <c>ReportsApi.ReturnBody</c> is
    /// <c>ReportsReturnBody</c>, <c>NominationsApi.ReturnBody</c> is <c>NominationsReturnBody</c>.</summary>
    public static string? SchemaId(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null || type.Type.DeclaringType is not { } outer || type.Type.IsGenericType)
        {
            return name;
        }

        var prefix = outer.Name.EndsWith("Api", StringComparison.Ordinal) ? outer.Name[..^3] : outer.Name;
        return prefix + name;
    }
}
