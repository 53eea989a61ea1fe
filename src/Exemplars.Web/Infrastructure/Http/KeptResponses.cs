using System.Security.Claims;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;

namespace Exemplars.Web.Infrastructure.Http;

/// <summary>
/// Whole answers of the busiest reading screens and API reads, kept per signed-in user until any save (ADR 034, issue
/// 14 goal 2). An answer is kept under its address, the user, the user's security stamp, the browser's antiforgery
/// cookie (a page's forms carry a token bound to it) and the current <see cref="Generation"/>; a save of any entity
/// but the bookkeeping ones moves the generation (<see cref="ChangeWatchInterceptor"/>: before the save, after it and
/// on commit; other instances by <see cref="ChangeBroadcast"/>), so an answer read before a change is never found
/// after it — even one stored a moment after the change, under the generation it began with. The clock changes what a
/// page says too, so an answer serves only the minute (of the app's clock) it was made in; <c>ResponseCache:Seconds</c>
/// (default 60) bounds its age, 0 keeps nothing.
/// </summary>
public sealed class KeptResponses : IWatchesChanges
{
    /// <summary>The output-cache policy name endpoints and pages opt in with.</summary>
    public const string Policy = "kept";

    public const string Tag = "kept";

    /// <summary>Rows written for the machinery, never shown by a kept answer: saving them keeps what is kept.</summary>
    private static readonly HashSet<Type> Bookkeeping =
    [
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
        typeof(Data.RateCounter),
        typeof(Jobs.BackgroundJob),
        typeof(Crypto.SealedShare),
        typeof(Data.StoredFile),
    ];

    private long _generation;

    /// <summary>Moves on every save that concerns kept answers.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The store to free when the generation moves (set once the app is built; none in unit tests).</summary>
    public IOutputCacheStore? Store { get; set; }

    public bool Concerns(Type entityType) => !Bookkeeping.Contains(entityType);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        // Entries of past generations are never looked up again; evicting them only frees the memory.
        var eviction = Store?.EvictByTagAsync(Tag, CancellationToken.None) ?? ValueTask.CompletedTask;
        if (!eviction.IsCompleted)
        {
            _ = eviction.AsTask();
        }
    }
}

/// <summary>Registers and places <see cref="KeptResponses"/>.</summary>
public static class KeptResponsesSetup
{
    public static IServiceCollection AddKeptResponses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<KeptResponses>();
        services.AddSingleton<IWatchesChanges>(sp => sp.GetRequiredService<KeptResponses>());
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempData>();
        var seconds = configuration.GetValue("ResponseCache:Seconds", 60);
        services.AddOutputCache(o =>
        {
            o.SizeLimit = configuration.GetValue("ResponseCache:SizeLimitMegabytes", 100L) * 1024 * 1024;
            o.MaximumBodySize = 1024 * 1024; // a bigger answer is sent, never kept
            o.AddPolicy(KeptResponses.Policy, new KeptResponsePolicy(TimeSpan.FromSeconds(Math.Max(0, seconds))));
        });
        return services;
    }

    /// <summary>Adds the output cache after authorization (so a refused request never reaches a kept answer).</summary>
    public static IApplicationBuilder UseKeptResponses(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<KeptResponses>().Store = app.ApplicationServices.GetRequiredService<IOutputCacheStore>();
        return app.UseOutputCache();
    }
}

/// <summary>The rules of <see cref="KeptResponses"/>: who, what and for how long.</summary>
public sealed class KeptResponsePolicy(TimeSpan age) : IOutputCachePolicy
{
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";
    private const string GenerationItem = "KeptResponses.Generation";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var request = http.Request;
        // Only a signed-in user's GET; never with a message waiting in TempData (the page after a redirect shows it once).
        var eligible = age > TimeSpan.Zero && user is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !QuietTempData.SentBy(request);
        // A hard reload (Cache-Control: no-cache) is answered afresh — neither from a kept answer nor by sharing the answer
        // another request for the same key is making at that moment — and its answer kept for the next visit.
        var afresh = request.GetTypedHeaders().CacheControl?.NoCache == true;
        context.EnableOutputCaching = eligible;
        context.AllowCacheLookup = eligible && !afresh;
        context.AllowCacheStorage = eligible;
        context.AllowLocking = eligible && !afresh;
        if (!eligible)
        {
            return ValueTask.CompletedTask;
        }

        var generation = http.RequestServices.GetRequiredService<KeptResponses>().Generation;
        http.Items[GenerationItem] = generation;
        context.ResponseExpirationTimeSpan = age;
        context.Tags.Add(KeptResponses.Tag);
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.VaryByValues["user"] = user!;
        vary.VaryByValues["stamp"] = http.User.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType) ?? string.Empty;
        vary.VaryByValues["generation"] = generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The clock changes what a page says (today, days left, an open or closed round): an answer serves its minute only.
        vary.VaryByValues["minute"] = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        vary.VaryByValues["antiforgery"] = request.Cookies.FirstOrDefault(c => c.Key.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal)).Value ?? string.Empty;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var type = response.ContentType ?? string.Empty;

        // Kept: a whole 200 page or JSON document that sets no cookie, read in the generation the request began with.
        var keep = response.StatusCode == StatusCodes.Status200OK
            && response.Headers.SetCookie.Count == 0
            && (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            && http.Items.TryGetValue(GenerationItem, out var began) && began is long generation
            && generation == http.RequestServices.GetRequiredService<KeptResponses>().Generation;
        if (!keep)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
