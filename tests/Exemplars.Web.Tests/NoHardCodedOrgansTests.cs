using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Exemplars.Web.Tests;

/// <summary>
/// Since 2025 provincial bloc committees were wound up into new provincial party committees and provinces merged: no
/// screen, message or document text may name a "Đảng ủy Khối", a "Tỉnh ủy", a province or the demo's symbol. Names
/// come from the issuer's data (OrganNames) or say "cấp trên". Allowed: the demo's data, the configuration defaults
/// of the demo issuer, the shipped 2021–2025 plan text (it is the plan as issued), migrations and code comments.
/// </summary>
public sealed partial class NoHardCodedOrgansTests
{
    private static readonly string[] AllowedFiles =
    [
        "Exemplars.Web/Infrastructure/Demo/", "Exemplars.Web/Features/Documents/DocumentSettings.cs",
        "Exemplars.Domain/Plans/BuiltInPlans.cs", "/Migrations/", "/obj/", "/bin/",
    ];

    [Fact]
    public void No_code_names_a_bloc_committee_a_province_committee_or_a_province()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SourceFolder(), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(SourceFolder(), file).Replace('\\', '/');
            if (AllowedFiles.Any(a => ("/" + relative).Contains(a, StringComparison.Ordinal)))
            {
                continue;
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.TrimStart().StartsWith("@*", StringComparison.Ordinal))
                {
                    continue;
                }

                offenders.AddRange(Named().Matches(line).Select(m => $"{relative}:{number}: \"{m.Value}\""));
            }
        }

        Assert.True(offenders.Count == 0, "Hard-coded organs or places: " + string.Join("; ", offenders));
    }

    [Fact]
    public void The_check_catches_the_old_names_and_lets_the_neutral_ones_through()
    {
        Assert.Equal(5, Named().Count("Đảng ủy Khối · Tỉnh ủy · Đoàn Khối · Quảng Ngãi · \"ĐUK\""));
        Assert.Empty(Named().Matches("Đảng ủy cấp trên cơ sở · Tỉnh ủy, Thành ủy · cấp trên · ĐUKX"));
    }

    [GeneratedRegex("""Đảng ủy Khối|Đảng bộ Khối|Đoàn Khối|Chiến binh Khối|Khối Cơ quan|Tỉnh ủy(?!, Thành ủy)|Quảng Ngãi|"ĐUK"|'ĐUK'""", RegexOptions.IgnoreCase)]
    private static partial Regex Named();

    private static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src"));
}
