using System.Globalization;

namespace Exemplars.Web.Features.Common;

/// <summary>Reads the materialised path of an organisation ("/1/2/15/": root, bloc committee, …, the unit).</summary>
public static class OrganizationPath
{
    /// <summary>The ids from the root down to the unit; parts that are not ids are ignored.</summary>
    public static IReadOnlyList<int> Ids(string? path) => (path ?? string.Empty)
        .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0)
        .ToList();

    /// <summary>
    /// The committee one level under the root that the unit belongs to (the unit itself when it is that committee, the
    /// root when the unit is the root); null only for an empty path.
    /// </summary>
    public static int? UpperCommittee(string? path)
    {
        var ids = Ids(path);
        return ids.Count switch
        {
            0 => null,
            1 => ids[0],
            _ => ids[1],
        };
    }
}
