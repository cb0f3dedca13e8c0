using System.Globalization;
using SuNghiep.Core.Reporting.Documents;

namespace SuNghiep.Core.Reporting;

/// <summary>One lower report's annex tables, frozen at its submission, with the reporter's name.</summary>
public sealed record ReporterTables(string Reporter, IReadOnlyList<DocumentAnnex> Annexes);

/// <summary>
/// An annex consolidated: the lower reports' figures summed (<see cref="Summed"/>), the same table by reporter with a
/// total (<see cref="ByReporter"/>), and each cell whose sum differs from the figure computed directly from the register.
/// </summary>
public sealed record ConsolidatedAnnex(string Number, string Title, DocumentTable Summed, DocumentTable ByReporter, IReadOnlyList<ConsolidationDifference> Differences);

/// <summary>A cell where the summed lower reports and the register disagree; <see cref="OverTolerance"/> flags it.</summary>
public sealed record ConsolidationDifference(int Row, int Column, string RowLabel, string ColumnHeader, decimal? Summed, decimal? Direct, bool OverTolerance);

/// <summary>Sums the lower levels' annex tables and sets them beside the register's own figures for the upper scope.</summary>
/// <remarks>
/// A row is matched by its text (the label and, in a list such as annex VI's, the other text cells; never the STT), so a
/// lower report with other rows or another order still adds up; a row no lower report has stays blank, and a row only
/// lower reports have is added after the register's. Columns are matched by header. Counts and figures are summed; a
/// column with a formula in its number label ("5=(3-1)/1×100") is computed again from the sums, never summed; a share
/// without a formula cannot be summed and stays blank.
/// </remarks>
public static class ReportConsolidation
{
    /// <param name="tolerancePercent">A difference within this share of the register's figure is shown but not flagged.</param>
    public static IReadOnlyList<ConsolidatedAnnex> Consolidate(IReadOnlyList<ReporterTables> reports, IReadOnlyList<DocumentAnnex> direct, decimal tolerancePercent)
    {
        var result = new List<ConsolidatedAnnex>();
        foreach (var annex in direct)
        {
            var table = annex.Table;
            var lowers = reports
                .Select(r => (r.Reporter, Table: r.Annexes.FirstOrDefault(a => a.Number == annex.Number)?.Table))
                .Select(r => new Lower(r.Reporter, r.Table is null ? [] : Index(r.Table), r.Table is null ? [] : ColumnMap(table, r.Table)))
                .ToList();

            // The register's rows in their order, then rows only lower reports have, in the order first met.
            var keys = table.Rows.Select(r => Key(r, table.Columns)).ToList();
            var known = keys.ToHashSet(StringComparer.Ordinal);
            var extra = new List<(string Key, DocumentRow Row)>();
            foreach (var lower in lowers)
            {
                foreach (var (key, row) in lower.Rows)
                {
                    if (known.Add(key))
                    {
                        extra.Add((key, row));
                    }
                }
            }

            var directRows = Index(table);
            var summedRows = new List<DocumentRow>();
            var byReporter = new List<DocumentRow>();
            var differences = new List<ConsolidationDifference>();
            var next = table.Rows.Select(r => int.TryParse(r.Cells.ElementAtOrDefault(0)?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .DefaultIfEmpty(0).Max() + 1;
            foreach (var (key, template, inDirect) in keys.Select((k, i) => (k, table.Rows[i], true)).Concat(extra.Select(e => (e.Key, e.Row, false))))
            {
                var number = inDirect ? Text(template, 0) : int.TryParse(Text(template, 0), NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    ? (next++).ToString(CultureInfo.InvariantCulture) : Text(template, 0);
                var values = Sum(table, lowers.Select(l => l.Rows.GetValueOrDefault(key) is { } row ? (row, l.Columns) : ((DocumentRow, int[])?)null));
                var summed = Row(table, template, number, values);
                summedRows.Add(summed);
                byReporter.Add(summed);
                foreach (var lower in lowers)
                {
                    var row = lower.Rows.GetValueOrDefault(key);
                    var cells = table.Columns.Select((column, c) =>
                        c == 0 ? DocumentCell.Empty
                        : c == 1 ? DocumentCell.Of(lower.Reporter)
                        : column.Kind == CellKind.Text || row is null || lower.Columns[c] < 0 ? DocumentCell.Empty
                        : DocumentCell.Of(row.Cells.ElementAtOrDefault(lower.Columns[c])?.Value, column.Kind)).ToList();
                    byReporter.Add(new DocumentRow(cells, Level: template.Level + 1));
                }

                var directRow = inDirect ? directRows[key] : null;
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    // A share the sums cannot give is not compared.
                    if (column.Kind == CellKind.Text || (column.Kind == CellKind.Percent && ColumnFormula.Expression(column) is null))
                    {
                        continue;
                    }

                    var d = directRow?.Cells.ElementAtOrDefault(c)?.Value;
                    if (Differs(values[c], d, column.Kind, tolerancePercent) is { } over)
                    {
                        differences.Add(new(summedRows.Count - 1, c, Text(template, 1), column.Header, values[c], d, over));
                    }
                }
            }

            result.Add(new ConsolidatedAnnex(annex.Number, annex.Title, table with { Rows = summedRows }, table with { Rows = byReporter }, differences));
        }

        return result;
    }

    private sealed record Lower(string Reporter, Dictionary<string, DocumentRow> Rows, int[] Columns);

    /// <summary>A row's identity: its text cells after the STT (the label, and a list's descriptive columns).</summary>
    private static string Key(DocumentRow row, IReadOnlyList<DocumentColumn> columns) =>
        string.Join("\u001f", columns.Select((column, c) => (column, c)).Where(x => x.c >= 1 && (x.c == 1 || x.column.Kind == CellKind.Text))
            .Select(x => row.Cells.ElementAtOrDefault(x.c)?.Text.Trim() ?? ""));

    private static Dictionary<string, DocumentRow> Index(DocumentTable table)
    {
        var rows = new Dictionary<string, DocumentRow>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            // Two rows of one report with the same text (which the annexes never make) count once.
            rows.TryAdd(Key(row, table.Columns), row);
        }

        return rows;
    }

    /// <summary>For each column of the register's table, the lower table's column with the same header (-1 when none).</summary>
    private static int[] ColumnMap(DocumentTable direct, DocumentTable lower)
    {
        var map = new int[direct.Columns.Count];
        for (var c = 0; c < map.Length; c++)
        {
            var header = direct.Columns[c].Header;
            var found = -1;
            for (var l = 0; l < lower.Columns.Count && found < 0; l++)
            {
                if (string.Equals(lower.Columns[l].Header.Trim(), header.Trim(), StringComparison.Ordinal))
                {
                    found = l;
                }
            }

            map[c] = found;
        }

        return map;
    }

    /// <summary>The figures of a consolidated row: sums of the lower rows' counts and figures, then the computed columns from them.</summary>
    private static decimal?[] Sum(DocumentTable table, IEnumerable<(DocumentRow Row, int[] Columns)?> lowers)
    {
        var columns = table.Columns;
        var values = new decimal?[columns.Count];
        var present = lowers.OfType<(DocumentRow Row, int[] Columns)>().ToList();
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (column.Kind is CellKind.Text or CellKind.Percent || ColumnFormula.Expression(column) is not null)
            {
                continue;
            }

            foreach (var (row, map) in present)
            {
                if (map[c] >= 0 && row.Cells.ElementAtOrDefault(map[c])?.Value is { } v)
                {
                    values[c] = (values[c] ?? 0) + v;
                }
            }
        }

        var numbers = columns.Select((column, c) => (Number: ColumnFormula.Number(column, c), c)).Where(x => x.Number is not null)
            .GroupBy(x => x.Number!.Value).ToDictionary(g => g.Key, g => g.First().c);
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Kind != CellKind.Text && ColumnFormula.Expression(columns[c]) is { } expression)
            {
                values[c] = ColumnFormula.Evaluate(expression, n => numbers.TryGetValue(n, out var at) ? values[at] : null);
            }
        }

        return values;
    }

    private static DocumentRow Row(DocumentTable table, DocumentRow template, string number, decimal?[] values)
    {
        var cells = table.Columns.Select((column, c) =>
            c == 0 ? DocumentCell.Of(number)
            : column.Kind == CellKind.Text ? template.Cells.ElementAtOrDefault(c) ?? DocumentCell.Empty
            : DocumentCell.Of(values[c], column.Kind)).ToList();
        return template with { Cells = cells };
    }

    /// <summary>
    /// Null when the sum and the register's figure print the same; else whether the difference is over the tolerance,
    /// relative to the register's figure (any difference from a zero is). An empty count reads as zero; an empty share
    /// beside a figure differs.
    /// </summary>
    internal static bool? Differs(decimal? summed, decimal? direct, CellKind kind, decimal tolerancePercent)
    {
        var digits = kind == CellKind.Count ? 0 : 2;
        if (kind != CellKind.Percent)
        {
            summed ??= 0;
            direct ??= 0;
        }

        if (summed is null && direct is null)
        {
            return null;
        }

        if (summed is not { } s || direct is not { } d)
        {
            return true;
        }

        if (Math.Round(s, digits) == Math.Round(d, digits))
        {
            return null;
        }

        return d == 0 || Math.Abs(s - d) * 100 / Math.Abs(d) > tolerancePercent;
    }

    private static string Text(DocumentRow row, int c) => row.Cells.ElementAtOrDefault(c)?.Text ?? "";
}
