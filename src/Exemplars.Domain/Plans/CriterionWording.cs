namespace Exemplars.Domain.Plans;

/// <summary>How a criterion is named on screens and in messages (never by its code).</summary>
public static class CriterionWording
{
    /// <summary>
    /// The plan words each criterion as a bullet whose first clause, up to the first semicolon, names it ("Hàng năm
    /// hoàn thành xuất sắc nhiệm vụ"); a long clause is cut at a word.
    /// </summary>
    public static string Name(string text)
    {
        var t = (text ?? string.Empty).Trim();
        var end = t.IndexOf(';', StringComparison.Ordinal);
        var clause = (end > 0 ? t[..end] : t).TrimEnd('.', ' ');
        return clause.Length <= 120 ? clause : clause[..clause.LastIndexOf(' ', 110)].TrimEnd(',', ' ') + "…";
    }
}
