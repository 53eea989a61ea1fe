using System.Globalization;
using Exemplars.Web.Features.People;
using Exemplars.Web.Infrastructure.Jobs;

namespace Exemplars.Web.Features.Documents;

/// <summary>
/// The certificates of a whole decision as background work: the argument is "decision id;pdf|zip"; the combined PDF
/// (or a ZIP of one PDF per certificate) is kept in the file store for the owner to download.
/// </summary>
public sealed class CertificateBatchWork : IBackgroundWorkKind
{
    public const string Name = "certificates";

    public string Kind => Name;

    public static string Argument(int decisionId, bool zip) => $"{decisionId.ToString(CultureInfo.InvariantCulture)};{(zip ? "zip" : "pdf")}";

    public async Task<BackgroundOutcome> RunAsync(IServiceProvider services, string? argument, Stream? input, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        var parts = (argument ?? string.Empty).Split(';');
        var decisionId = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var zip = parts.Length > 1 && parts[1] == "zip";
        var handler = services.GetRequiredService<CertificatesDocument.Handler>();
        var certificates = await handler.Load(decisionId, cancellationToken);
        if (!certificates.IsSuccess)
        {
            return new BackgroundOutcome(certificates.Errors);
        }

        var total = certificates.Value.Count;
        var pages = new Progress<int>(done => progress.Report(new ImportProgress("Đang tạo", done, total)));
        return zip
            ? new BackgroundOutcome(null, Output: handler.Zip(certificates.Value, pages), OutputName: $"giay-khen-{decisionId}.zip", OutputContentType: "application/zip")
            : new BackgroundOutcome(null, Output: handler.Combined(certificates.Value, pages), OutputName: $"giay-khen-{decisionId}.pdf", OutputContentType: "application/pdf");
    }

    public object? ReadReport(string json) => null;
}
