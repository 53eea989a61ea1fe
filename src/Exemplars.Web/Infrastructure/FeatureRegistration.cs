namespace Exemplars.Web.Infrastructure;

public static class FeatureRegistration
{
    /// <summary>Every use case's nested Handler class is a scoped service; pages, endpoints and jobs ask for it by type.</summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Name: "Handler", IsNested: true }
                && t.Namespace?.StartsWith("Exemplars.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        return services;
    }
}
