using System.Globalization;

namespace Exemplars.Domain.Documents;

/// <summary>
/// How a party document writes its date (Hướng dẫn 36-HD/VPTW, kept by the guidance under Quy định 399-QĐ/TW):
/// "ngày 05 tháng 5 năm 2025", "ngày 09 tháng 01 năm 2026" — a leading zero for days 1–9 and for months 1 and 2 only,
/// so that nobody can add a digit in front of them.
/// </summary>
public static class PartyDate
{
    public static string Day(DateOnly date) => date.Day.ToString(date.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.Month.ToString(date.Month <= 2 ? "00" : "0", CultureInfo.InvariantCulture);

    /// <summary>"ngày 05 tháng 5 năm 2025".</summary>
    public static string InWords(DateOnly date) => $"ngày {Day(date)} tháng {Month(date)} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The place-and-date line: "Quảng Ngãi, ngày 05 tháng 5 năm 2025".</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {InWords(date)}";

    /// <summary>A date quoted inside a text ("Kế hoạch số 05-KH/ĐUK, ngày 05/5/2025"), under the same zero rule.</summary>
    public static string Numeric(DateOnly date) => $"{Day(date)}/{Month(date)}/{date.Year.ToString(CultureInfo.InvariantCulture)}";
}
