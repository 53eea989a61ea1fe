using System.Text.Json;
using Exemplars.Web.Infrastructure.Jobs;

namespace Exemplars.Web.Features.People;

/// <summary>The people import as background work: the uploaded workbook is the input, the report is kept as JSON.</summary>
public sealed class PeopleImportWork : IBackgroundWorkKind
{
    public string Kind => "people";

    public async Task<BackgroundOutcome> RunAsync(IServiceProvider services, string? argument, Stream? input, IProgress<ImportProgress> progress, CancellationToken cancellationToken) =>
        BackgroundOutcome.From(await services.GetRequiredService<ImportPeople.Handler>().Handle(input ?? Stream.Null, argument ?? string.Empty, progress, cancellationToken));

    public object? ReadReport(string json) => JsonSerializer.Deserialize<ImportPeople.Report>(json);
}

/// <summary>The ratings import as background work.</summary>
public sealed class RatingsImportWork : IBackgroundWorkKind
{
    public string Kind => "ratings";

    public async Task<BackgroundOutcome> RunAsync(IServiceProvider services, string? argument, Stream? input, IProgress<ImportProgress> progress, CancellationToken cancellationToken) =>
        BackgroundOutcome.From(await services.GetRequiredService<ImportRatings.Handler>().Handle(input ?? Stream.Null, argument ?? string.Empty, progress, cancellationToken));

    public object? ReadReport(string json) => JsonSerializer.Deserialize<ImportRatings.Report>(json);
}
