using System.Diagnostics;

namespace Exemplars.Web.Tests.Infrastructure;

/// <summary>Real readers of generated documents: LibreOffice converts DOCX to PDF, poppler's pdftotext reads the PDF back.</summary>
public static class Office
{
    public static async Task<string> ToPdfText(string docx, string folder)
    {
        // A profile of its own per call: two test collections may convert at the same time.
        var profile = Path.Combine(Path.GetTempPath(), $"lo-profile-{Guid.NewGuid():N}");
        try
        {
            await Run("soffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir \"{folder}\" \"{docx}\"");
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice did not convert {docx}");
            return await PdfText(pdf);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    /// <summary>The PDF's text as pdftotext reads it, whitespace collapsed.</summary>
    public static async Task<string> PdfText(string pdf)
    {
        var txt = Path.ChangeExtension(pdf, ".txt");
        await Run("pdftotext", $"-enc UTF-8 \"{pdf}\" \"{txt}\"");
        return string.Join(' ', (await File.ReadAllTextAsync(txt)).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    public static async Task<string> Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        return await process.StandardOutput.ReadToEndAsync();
    }
}
