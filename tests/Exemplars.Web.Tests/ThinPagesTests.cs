using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Exemplars.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplars.Web.Tests;

/// <summary>
/// Pages stay thin (issue 12 point 11): a page model binds, calls a handler in Features/ and renders; it never gets
/// the database. Links go through asp-page / asp-route (or Url.Page), never a hard-coded site path.
/// </summary>
public sealed partial class ThinPagesTests
{
    private static IEnumerable<Type> PageModels() =>
        typeof(AppDbContext).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(PageModel).IsAssignableFrom(t));

    private static bool IsDatabase(Type type) => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(type);

    [Fact]
    public void No_page_model_takes_the_database()
    {
        var offenders = new List<string>();
        foreach (var page in PageModels())
        {
            var constructorParameters = page.GetConstructors().SelectMany(c => c.GetParameters());
            var handlerParameters = page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)).SelectMany(m => m.GetParameters());
            offenders.AddRange(constructorParameters.Concat(handlerParameters).Where(p => IsDatabase(p.ParameterType)).Select(p => $"{page.FullName} ({p.Name})"));
        }

        Assert.True(offenders.Count == 0, "Page models that query the database instead of calling a Features handler: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Pages_link_by_page_name_not_by_hard_coded_path()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(PagesFolder(), "*.cshtml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(PagesFolder(), file).Replace('\\', '/');
            offenders.AddRange(HardCodedLinks(File.ReadAllText(file)).Select(link => $"{relative}: {link}"));
        }

        Assert.True(offenders.Count == 0, "Links by path instead of asp-page / asp-route / Url.Page: " + string.Join("; ", offenders));
    }

    [Fact]
    public void The_link_check_catches_a_site_path_and_lets_static_files_through()
    {
        Assert.Equal(["href=\"/Ballots/Details/@b.Id\""], HardCodedLinks("<a href=\"/Ballots/Details/@b.Id\">x</a><link href=\"/css/site.css\" /><a asp-page=\"/Ballots/Details\">y</a>"));
        Assert.Single(HardCodedLinks("<a href='/Dashboard?round=@Model.Round'>x</a>"));
        Assert.Empty(HardCodedLinks("<script src=\"/lib/htmx/htmx.min.js\"></script><a href=\"/favicon.ico\">f</a><a href=\"/fonts/x.woff2\">f</a>"));
    }

    /// <summary>
    /// Folders that serve no single Features area: Account holds the sign-in pages at ASP.NET Core Identity's
    /// conventional paths, Shared the layout and partials, Paging the list components.
    /// </summary>
    private static readonly string[] FoldersWithoutArea = ["Account", "Shared", "Paging"];

    [Fact]
    public void Page_folders_are_named_like_the_Features_areas_they_serve()
    {
        var areas = Directory.EnumerateDirectories(FeaturesFolder()).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var offenders = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(PagesFolder()).Select(d => Path.GetFileName(d)!).Where(f => !FoldersWithoutArea.Contains(f)))
        {
            if (!areas.Contains(folder))
            {
                offenders.Add($"Pages/{folder}: no Features/{folder}");
                continue;
            }

            foreach (var model in Directory.EnumerateFiles(Path.Combine(PagesFolder(), folder), "*.cshtml.cs", SearchOption.AllDirectories))
            {
                if (!File.ReadAllText(model).Contains($"Exemplars.Web.Features.{folder}", StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetRelativePath(PagesFolder(), model).Replace('\\', '/')} does not use Features/{folder}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Page folders not named like the Features area they serve: " + string.Join("; ", offenders));
    }

    /// <summary>href values that start at the site root, except static files under wwwroot (lib, css, js, fonts, images) and files with an extension.</summary>
    private static List<string> HardCodedLinks(string razor) =>
        SitePath().Matches(razor).Select(m => m.Value)
            .Where(v => !StaticFile().IsMatch(v))
            .ToList();

    [GeneratedRegex("""href=["']/[^"']*["']""")]
    private static partial Regex SitePath();

    [GeneratedRegex("""^href=["']/(lib|css|js|fonts|img|images)/|^href=["']/[^"'?@]*\.[a-z0-9]{2,5}["']$""")]
    private static partial Regex StaticFile();

    private static string FeaturesFolder() => Path.GetFullPath(Path.Combine(PagesFolder(), "..", "Features"));

    private static string PagesFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "Exemplars.Web", "Pages"));
}
