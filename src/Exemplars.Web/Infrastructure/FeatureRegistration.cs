namespace Exemplars.Web.Infrastructure;

public static class FeatureRegistration
{
    /// <summary>
    /// Every use case's nested Handler class is a scoped service; pages, endpoints and jobs ask for it by type. The
    /// feature services the handlers share are registered here too, so any host of the handlers (the app, the
    /// benchmarks) gets them with the handlers.
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Name: "Handler", IsNested: true }
                && t.Namespace?.StartsWith("Exemplars.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        services.AddScoped<Features.Plans.FrozenRounds>();
        services.AddScoped<Features.People.ExcellentShares>();

        return services;
    }
}
