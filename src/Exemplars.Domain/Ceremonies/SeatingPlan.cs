namespace Exemplars.Domain.Ceremonies;

/// <summary>
/// Where everyone sits: the commended in the front rows in the order they are called up (so they reach the stage in
/// turn), their units' leaders in the rows behind, the host's leaders and the other guests in the guests' block. Rows
/// are lettered A, B, … Z, AA, AB …; seats numbered from 01 ("A01"); the guests' block is "KM01", "KM02" ….
/// </summary>
public static class SeatingPlan
{
    public const int DefaultSeatsPerRow = 10;

    public const int MinSeatsPerRow = 4;

    public const int MaxSeatsPerRow = 40;

    public const string GuestBlock = "KM";

    /// <summary>The list order: awardees (collectives' representatives, then individuals), unit leaders, host leaders, guests; each group keeps its order.</summary>
    public static List<CeremonyGuest> Order(IEnumerable<CeremonyGuest> guests) =>
        guests.Select((g, i) => (g, i)).OrderBy(x => Group(x.g.Kind)).ThenBy(x => x.g.Kind).ThenBy(x => x.i).Select(x => x.g).ToList();

    /// <summary>Seat labels for guests of these kinds, in list order.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<GuestKind> kinds, int seatsPerRow)
    {
        var seats = new string[kinds.Count];
        var row = 0;
        var seat = 0;
        var block = 0;
        int? lastGroup = null;
        for (var i = 0; i < kinds.Count; i++)
        {
            var group = Group(kinds[i]);
            if (group == 2)
            {
                seats[i] = GuestBlock + (++block).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            // Leaders start on a row of their own, behind the last row of the commended.
            if ((lastGroup is { } last && last != group && seat > 0) || seat == seatsPerRow)
            {
                row++;
                seat = 0;
            }

            lastGroup = group;
            seats[i] = RowLabel(row) + (++seat).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }

        return seats;
    }

    /// <summary>A seat label's row and number: "AB07" → ("AB", 7), "KM03" → ("KM", 3); a label without digits has number 0.</summary>
    public static (string Row, int Number) Split(string seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var row = seat.TrimEnd("0123456789".ToCharArray());
        return (row, int.TryParse(seat.AsSpan(row.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0);
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string RowLabel(int index)
    {
        var label = string.Empty;
        var n = index + 1;
        while (n > 0)
        {
            n--;
            label = (char)('A' + (n % 26)) + label;
            n /= 26;
        }

        return label;
    }

    private static int Group(GuestKind kind) => kind switch
    {
        GuestKind.CollectiveRepresentative or GuestKind.Individual => 0,
        GuestKind.UnitLeader => 1,
        GuestKind.HostLeader or GuestKind.Guest => 2,
    };
}
