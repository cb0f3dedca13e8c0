using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static SuNghiep.Core.Reporting.Documents.WordParts;

namespace SuNghiep.Core.Reporting.Documents;

/// <summary>
/// A <see cref="DocumentTable"/> as the forms print it: single borders, the header bold and centred, the column-number
/// row (A, B, 1, 2, ...) under it, both repeated on every page, totals bold, sub-rows indented.
/// </summary>
internal static class DataTables
{
    public static Table Table(DocumentTable source, int width)
    {
        var widths = ColumnWidths(source.Columns, width);
        var size = source.Columns.Count > 6 ? 12 : 13;
        var table = new Table();
        var border = (BorderType b) => { b.Val = BorderValues.Single; b.Size = 4U; b.Space = 0U; b.Color = "000000"; return b; };
        table.Append(new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()),
                border(new RightBorder()), border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "04A0" },
        });
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        var header = new TextLook(size, Bold: true);
        table.Append(Row(repeat: true, source.Columns.Select((c, i) => Cell(widths[i], [Para(c.Header, header, Centred)], TableVerticalAlignmentValues.Center))));
        var numberLook = new TextLook(size, Italic: true);
        table.Append(Row(repeat: true, source.Columns.Select((c, i) => Cell(widths[i], [Para(c.NumberLabel ?? NumberLabel(i), numberLook, Centred)]))));

        foreach (var row in source.Rows)
        {
            var look = new TextLook(size, Bold: row.IsTotal);
            var cells = new List<TableCell>();
            for (var i = 0; i < source.Columns.Count; i++)
            {
                var text = i < row.Cells.Count ? row.Cells[i].Text : "";
                // "Nội dung" reads left with sub-rows indented; the STT and every figure are centred, as in the forms.
                var layout = i == 1 || (i > 1 && source.Columns[i].Kind == CellKind.Text)
                    ? new ParagraphLook(Align.Left, Left: row.Level * 227)
                    : Centred;
                cells.Add(Cell(widths[i], [Para(text, look, layout)], TableVerticalAlignmentValues.Center));
            }
            table.Append(Row(repeat: false, cells));
        }
        return table;
    }

    static readonly ParagraphLook Centred = new(Align.Center);

    /// <summary>"A" for the STT column, "B" for the content, then 1, 2, ... for the figures.</summary>
    public static string NumberLabel(int index) => index switch
    {
        0 => "A",
        1 => "B",
        _ => (index - 1).ToString(),
    };

    static TableRow Row(bool repeat, IEnumerable<TableCell> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (repeat) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>Widths in twips summing to the table's: STT narrow, the content widest, text columns wider than figures.</summary>
    public static int[] ColumnWidths(IReadOnlyList<DocumentColumn> columns, int width)
    {
        var weights = columns.Select((c, i) => i switch
        {
            0 => 0.7,
            1 => 3.6,
            _ when c.Kind == CellKind.Text => 2.0,
            _ => 1.2,
        }).ToArray();
        var total = weights.Sum();
        var widths = weights.Select(w => (int)Math.Floor(width * w / total)).ToArray();
        if (widths.Length > 0) widths[^1] += width - widths.Sum();
        return widths;
    }
}
