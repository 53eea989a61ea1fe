using System.Collections;
using System.Collections.Concurrent;
using Exemplars.Domain.Common;

namespace Exemplars.Web.Infrastructure.Excel;

/// <summary>
/// The first sheet of an uploaded workbook as read by <see cref="Spreadsheet.ReadTable"/>: its header (row 1) resolved once
/// into column indices, and the non-blank data rows, each a plain array of cell texts in that order.
/// </summary>
public sealed class SheetTable
{
    internal SheetTable(SheetColumns columns, IReadOnlyList<SheetTableRow> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public SheetColumns Columns { get; }

    public IReadOnlyList<SheetTableRow> Rows { get; }

    /// <summary>
    /// A sheet made of rows that came another way than a workbook (an API's JSON rows, issue 17): the same columns and
    /// cell texts a workbook of the template would give, so an import validates them as it validates a file.
    /// </summary>
    public static SheetTable Of(IReadOnlyList<string> headers, IEnumerable<(int Number, string[] Values)> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            index[SheetColumns.Fold(headers[i])] = i;
        }

        return new SheetTable(new SheetColumns(index), rows.Select(r => new SheetTableRow(r.Number, r.Values)).ToList());
    }

    /// <summary>The rows with their cells by folded header, as <see cref="Spreadsheet.Read"/> gives them.</summary>
    public IReadOnlyList<SheetRow> AsSheetRows() => Rows.Select(r => new SheetRow(r.Number, new SheetCells(Columns, r.Values))).ToList();
}

/// <summary>
/// The header of a sheet: each distinct folded header text (<see cref="VietnameseText.Fold"/>) and the index of its values in
/// a <see cref="SheetTableRow"/>. Where two columns fold to the same header, the right-most one is kept.
/// </summary>
public sealed class SheetColumns
{
    /// <summary>Headers are a handful of constants: each is folded once, not once per row and cell (issue 14).</summary>
    private static readonly ConcurrentDictionary<string, string> FoldedHeaders = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _index;

    internal SheetColumns(Dictionary<string, int> index) => _index = index;

    public int Count => _index.Count;

    /// <summary>The folded headers, in no particular order.</summary>
    public IEnumerable<string> Folded => _index.Keys;

    /// <summary>The index of the column headed <paramref name="header"/> (folded first), or -1 when the sheet has none.</summary>
    public int IndexOf(string header) => _index.TryGetValue(Fold(header), out var index) ? index : -1;

    public bool Contains(string header) => IndexOf(header) >= 0;

    internal bool TryGetFolded(string folded, out int index) => _index.TryGetValue(folded, out index);

    internal static string Fold(string header) => FoldedHeaders.GetOrAdd(header, VietnameseText.Fold);
}

/// <summary>One non-blank data row: its row number as Excel shows it and its cell texts by column index.</summary>
public readonly record struct SheetTableRow
{
    private readonly string[] _values;

    internal SheetTableRow(int number, string[] values)
    {
        Number = number;
        _values = values;
    }

    public int Number { get; }

    /// <summary>The text of the cell in column <paramref name="column"/> (<see cref="SheetColumns.IndexOf"/>); empty for -1.</summary>
    public string this[int column] => column < 0 ? string.Empty : _values[column];

    internal string[] Values => _values;
}

/// <summary>A row's cells by folded header, over the row's array: what <see cref="SheetRow.Cells"/> shows.</summary>
internal sealed class SheetCells(SheetColumns columns, string[] values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => columns.Folded;

    public IEnumerable<string> Values => columns.Folded.Select(key => this[key]);

    public int Count => columns.Count;

    public bool ContainsKey(string key) => columns.TryGetFolded(key, out _);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
    {
        if (columns.TryGetFolded(key, out var index))
        {
            value = values[index];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        columns.Folded.Select(key => new KeyValuePair<string, string>(key, this[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
