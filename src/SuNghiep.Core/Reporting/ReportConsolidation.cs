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
public static class ReportConsolidation
{
    /// <param name="tolerancePercent">A difference within this share of the register's figure is shown but not flagged.</param>
    public static IReadOnlyList<ConsolidatedAnnex> Consolidate(IReadOnlyList<ReporterTables> reports, IReadOnlyList<DocumentAnnex> direct, decimal tolerancePercent)
    {
        var result = new List<ConsolidatedAnnex>();
        foreach (var annex in direct)
        {
            var table = annex.Table;
            var rows = new List<DocumentRow>();
            var differences = new List<ConsolidationDifference>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var cells = new List<DocumentCell>();
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    var directCell = table.Rows[r].Cells[c];
                    if (column.Kind != CellKind.Count) { cells.Add(directCell); continue; }
                    decimal? sum = null;
                    foreach (var report in reports)
                    {
                        var lower = report.Annexes.FirstOrDefault(a => a.Number == annex.Number);
                        if (lower is null || r >= lower.Table.Rows.Count || c >= lower.Table.Rows[r].Cells.Count) continue;
                        if (lower.Table.Rows[r].Cells[c].Value is { } v) sum = (sum ?? 0) + v;
                    }
                    cells.Add(DocumentCell.Of(sum, column.Kind));
                    if (sum != directCell.Value)
                    {
                        var over = directCell.Value is not { } d || sum is not { } s || d == 0 ? true : Math.Abs(s - d) * 100 / Math.Abs(d) > tolerancePercent;
                        differences.Add(new(r, c, table.Rows[r].Cells.ElementAtOrDefault(1)?.Text ?? "", column.Header, sum, directCell.Value, over));
                    }
                }
                rows.Add(table.Rows[r] with { Cells = cells });
            }
            var summed = table with { Rows = rows };
            result.Add(new ConsolidatedAnnex(annex.Number, annex.Title, summed, summed, differences));
        }
        return result;
    }
}
